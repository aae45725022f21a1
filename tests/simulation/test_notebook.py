"""examples/policy_simulation.ipynb runs top to bottom and prints the exact simulation."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import attrs
import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient

import penilaian as p
from penilaian.simulation import WorkforceSpec, generate
from penilaian.simulation.compare import Scenario, run, silent

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "examples" / "policy_simulation.ipynb"


@pytest.fixture(name="executed", scope="module")
def _executed(tmp_path_factory):
    """The notebook executed by a kernel of this very interpreter, plots on Agg."""
    kernels = tmp_path_factory.mktemp("jupyter") / "kernels"
    (kernels / "python3").mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "penilaian tests",
        "language": "python",
        # Agg draws without a display and puts no images in the outputs; warnings show
        # on standard error, which a test below requires to stay empty.
        "env": {"MPLBACKEND": "Agg", "PYTHONWARNINGS": "default"},
    }
    (kernels / "python3" / "kernel.json").write_text(json.dumps(spec), "utf-8")
    manager = AsyncKernelManager(
        kernel_name="python3", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernels)])
    )
    assert manager.kernel_spec.argv[0] == sys.executable
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook, km=manager, timeout=120, resources={"metadata": {"path": str(ROOT)}}
    )
    client.execute(cleanup_kc=True)  # we made the manager: shut its kernel down
    return notebook


def _tagged(notebook, tag):
    cells = [cell for cell in notebook.cells if tag in cell.metadata.get("tags", [])]
    assert cells, tag
    return cells


def _printed(cell):
    return "".join(out.text for out in cell.outputs if out.output_type == "stream")


@pytest.fixture(name="comparison", scope="module")
def _comparison():
    """The notebook's comparison, computed here independently."""
    spec = WorkforceSpec(
        employees=300, unit_sizes=(6, 12), regime="pp30_2019", period=p.Period.semester(2021, 2)
    )
    policy = p.WeightingPolicy(
        {"supervisor": "1/2", "peer": "1/4", "subordinate": "1/4", "public": 0},
        missing=p.Renormalise(),
    )
    scenarios = [
        Scenario("supervisor only", attrs.evolve(p.Pp30Regime(), peer_input="not_used")),
        Scenario("360", attrs.evolve(p.Pp30Regime(), aggregator=policy, peer_input="used")),
    ]
    return run(generate(spec, seed=2021), scenarios, progress=silent)


class TestPolicyNotebook:
    def test_committed_without_outputs(self):
        """The committed notebook holds no outputs or execution counts."""
        notebook = nbformat.read(NOTEBOOK, as_version=4)
        nbformat.validate(notebook)
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert code
        assert all(cell.outputs == [] and cell.execution_count is None for cell in code)

    def test_runs_without_errors_or_warnings(self, executed):
        """No cell raises, and nothing is written to standard error (warnings included)."""
        code = [cell for cell in executed.cells if cell.cell_type == "code"]
        outputs = [out for cell in code for out in cell.outputs]
        assert [out for out in outputs if out.output_type == "error"] == []
        assert [out.text for out in outputs if out.get("name") == "stderr"] == []

    def test_workforce_size(self, executed):
        """The workforce cell prints 300 employees and the number of units."""
        (cell,) = _tagged(executed, "workforce")
        employees, units = _printed(cell).split()[::3]
        assert employees == "300"
        assert int(units) > 1
        assert _printed(cell) == f"300 employees in {units} units\n"

    def test_distributions_count_everyone(self, executed, comparison):
        """Every scenario counts all 300 appraisals, and the words are the exact comparison's."""
        (cell,) = _tagged(executed, "distributions")
        text = _printed(cell)
        assert text.startswith(comparison.describe("en") + "\n")
        assert "supervisor only: 300 appraisals, 300 graded" in text
        assert "360: 300 appraisals, 300 graded" in text

    def test_changes(self, executed, comparison):
        """The change count printed is the comparison's, and each reason names the weights."""
        (cell,) = _tagged(executed, "changes")
        changes = comparison.changes("supervisor only", "360")
        text = _printed(cell)
        assert text.startswith(f"{len(changes)} of 300 change grade: ")
        assert changes[0].describe("en") in text
        assert "weight.behaviour 0.3 \u2192 0.4" in text

    def test_compliance(self, executed, comparison):
        """The compliant units printed are the comparison's."""
        (cell,) = _tagged(executed, "compliance")
        met = comparison.compliant_units("360")
        units = len(comparison.units("360"))
        assert f"360: {met} of {units} units compliant" in _printed(cell)

    def test_sweep(self, executed):
        """The sweep prints one line per behaviour share, in order."""
        (cell,) = _tagged(executed, "sweep")
        lines = _printed(cell).splitlines()
        assert [line.split(":")[0] for line in lines] == ["1/5", "3/10", "2/5", "1/2"]

    def test_progress_bar_ends_at_the_total(self, executed):
        """In the kernel, run shows one progress bar, updated in place to the total."""
        (cell,) = _tagged(executed, "run")
        bars = [out for out in cell.outputs if out.output_type == "display_data"]
        assert len(bars) == 1
        assert bars[0].data["text/plain"] == "scoring 600/600"
        assert '<progress value="600" max="600"' in bars[0].data["text/html"]

    def test_plot_cells_print_nothing(self, executed):
        """The plot cells end with ';', so no Axes repr is printed."""
        for cell in _tagged(executed, "plot"):
            assert [out for out in cell.outputs if out.output_type == "execute_result"] == []
