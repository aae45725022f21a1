// The browser page of `penilaian serve`: upload a filled workbook, see its problems at
// sheet/row/column, each employee's grade and each unit's curve with its calibration.
// Plain JavaScript, no build step; every text is set with textContent, never as HTML.
"use strict";

const TEXTS = {
  id: {
    title: "Penilaian kinerja unit",
    language: "Bahasa",
    intro: "Unggah buku kerja yang sudah diisi dari templat. Layanan memeriksa setiap baris, menilai setiap pegawai, dan memeriksa sebaran predikat unit terhadap kurva distribusi. Tidak ada yang disimpan.",
    workbook: "Buku kerja terisi (.xlsx)",
    token: "Token (jika layanan memintanya)",
    check: "Periksa dan nilai",
    template: "Unduh templat kosong",
    problems: "Masalah",
    sheet: "Lembar",
    row: "Baris",
    column: "Kolom",
    appraisal: "Penilaian",
    message: "Keterangan",
    grades: "Predikat pegawai",
    download_xlsx: "Unduh hasil (XLSX)",
    download_csv: "Unduh hasil (CSV)",
    name: "Nama",
    unit: "Unit",
    regime: "Rezim",
    grade: "Predikat",
    report: "Laporan",
    report_button: "Laporan {name}",
    set_aside: "disisihkan",
    units: "Kurva distribusi unit",
    unit_grade: "Predikat kinerja organisasi",
    calibration: "Usulan kalibrasi",
    working: "Sedang memeriksa…",
    done: "Selesai: {count} penilaian, {aside} disisihkan, {units} unit.",
    failed: "Buku kerja ditolak: {detail}",
    choose: "Pilih buku kerja terlebih dahulu.",
  },
  en: {
    title: "Unit performance appraisal",
    language: "Language",
    intro: "Upload a workbook filled from the template. The service checks every row, grades every employee and checks the unit's grades against the distribution curve. Nothing is kept.",
    workbook: "Filled workbook (.xlsx)",
    token: "Token (if the service asks for one)",
    check: "Check and grade",
    template: "Download an empty template",
    problems: "Problems",
    sheet: "Sheet",
    row: "Row",
    column: "Column",
    appraisal: "Appraisal",
    message: "Message",
    grades: "Employees' grades",
    download_xlsx: "Download results (XLSX)",
    download_csv: "Download results (CSV)",
    name: "Name",
    unit: "Unit",
    regime: "Regime",
    grade: "Grade",
    report: "Report",
    report_button: "Report of {name}",
    set_aside: "set aside",
    units: "Units' distribution curves",
    unit_grade: "Organisation grade",
    calibration: "Calibration proposal",
    working: "Checking…",
    done: "Done: {count} appraisals, {aside} set aside, {units} units.",
    failed: "The workbook was refused: {detail}",
    choose: "Choose a workbook first.",
  },
};

const $ = (selector) => document.querySelector(selector);
let shown = null; // the last answer, shown again when the language changes

function lang() {
  return $("#lang").value === "en" ? "en" : "id";
}

function say(key, values = {}) {
  return TEXTS[lang()][key].replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

function applyTexts() {
  document.documentElement.lang = lang();
  for (const element of document.querySelectorAll("[data-text]")) {
    element.textContent = say(element.dataset.text);
  }
  document.title = say("title");
}

function status(text, state) {
  const element = $("#status");
  element.textContent = text;
  element.dataset.state = state;
}

function cell(row, text) {
  const element = document.createElement("td");
  element.textContent = text ?? "";
  row.append(element);
  return element;
}

// A place as the workbook reader names it: "targets!E7" (a cell), "targets!5:7" (rows),
// "targets" (a sheet); "$[2].targets[0]..." is the third appraisal, on row 4 of employees.
function place(path) {
  let match = /^([^!]+)!([A-Z]+)(\d+)$/.exec(path);
  if (match) return { sheet: match[1], row: match[3], column: match[2], detail: "" };
  match = /^([^!]+)!(\d+(?::\d+)?)$/.exec(path);
  if (match) return { sheet: match[1], row: match[2], column: "", detail: "" };
  match = /^\$\[(\d+)\](.*)$/.exec(path);
  if (match) {
    const row = String(Number(match[1]) + 2);
    return { sheet: "employees", row, column: "", detail: match[2] ? `$${match[2]}` : "" };
  }
  return { sheet: path, row: "", column: "", detail: "" };
}

function problemRow(body, problem, appraisal) {
  const where = place(String(problem.path));
  const row = document.createElement("tr");
  cell(row, where.sheet);
  cell(row, where.row);
  cell(row, where.column);
  cell(row, appraisal ?? "");
  cell(row, where.detail ? `${problem.message} (${where.detail})` : problem.message);
  body.append(row);
}

function headers() {
  const token = $("#token").value.trim();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function post(path) {
  const form = new FormData();
  form.append("file", $("#workbook").files[0], $("#workbook").files[0].name);
  const separator = path.includes("?") ? "&" : "?";
  return fetch(`${path}${separator}lang=${lang()}`, { method: "POST", body: form, headers: headers() });
}

async function refused(answer) {
  let detail = `${answer.status}`;
  try {
    const problem = await answer.json();
    detail = problem.detail;
    showProblems(problem.problems ?? []);
  } catch (error) {
    // not a problem document: the status alone
  }
  status(say("failed", { detail }), "error");
}

function showProblems(problems) {
  const body = $("#problems tbody");
  body.replaceChildren();
  for (const problem of problems) problemRow(body, problem, problem.appraisal);
  $("#problems").hidden = problems.length === 0;
}

async function save(answer, name) {
  const url = URL.createObjectURL(await answer.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

async function download(path, name) {
  if (!$("#workbook").files.length) return status(say("choose"), "error");
  const answer = await post(path);
  if (!answer.ok) return refused(answer);
  return save(answer, name);
}

function showGrades(appraisals) {
  const body = $("#grades tbody");
  body.replaceChildren();
  for (const person of appraisals) {
    const row = document.createElement("tr");
    row.dataset.appraisal = person.id;
    cell(row, person.name);
    cell(row, person.nip);
    cell(row, person.id);
    cell(row, person.unit_id);
    cell(row, person.regime);
    cell(row, person.grade_label ?? say("set_aside")).className = "grade";
    const action = cell(row, "");
    if (person.grade) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = say("report_button", { name: person.name });
      const query = `appraisal=${encodeURIComponent(person.id)}&format=html`;
      button.addEventListener("click", () => download(`report?${query}`, `${person.id}.html`));
      action.append(button);
    }
    body.append(row);
  }
  $("#grades").hidden = false;
}

function showUnits(units) {
  const list = $("#unit-list");
  list.replaceChildren();
  for (const unit of units) {
    const box = document.createElement("article");
    box.className = "unit";
    box.dataset.unit = unit.unit_id;
    const title = document.createElement("h3");
    title.textContent = `${say("unit")} ${unit.unit_id}`;
    box.append(title);
    const verdict = document.createElement("p");
    verdict.className = `verdict ${unit.compliant ? "met" : "broken"}`;
    verdict.textContent = unit.problem ?? unit.verdict;
    box.append(verdict);
    if (!unit.problem) {
      const chart = document.createElement("ul");
      chart.className = "chart";
      const most = Math.max(1, ...unit.counts.map((item) => item.count));
      for (const item of unit.counts) {
        const line = document.createElement("li");
        const label = document.createElement("span");
        label.textContent = item.label;
        const bar = document.createElement("span");
        bar.className = "bar";
        bar.style.width = `${(100 * item.count) / most}%`;
        bar.setAttribute("aria-hidden", "true");
        const count = document.createElement("span");
        count.textContent = String(item.count);
        line.append(label, bar, count);
        chart.append(line);
      }
      const text = document.createElement("pre");
      text.className = "check";
      text.textContent = unit.text;
      const heading = document.createElement("h4");
      heading.textContent = say("calibration");
      const calibration = document.createElement("pre");
      calibration.className = "calibration";
      calibration.textContent = unit.calibration_text;
      box.append(chart, text, heading, calibration);
    }
    list.append(box);
  }
  $("#units").hidden = units.length === 0;
}

function show(answer) {
  const problems = [];
  for (const person of answer.appraisals) {
    for (const problem of person.problems) problems.push({ ...problem, appraisal: person.id });
  }
  showProblems(problems);
  showGrades(answer.appraisals);
  showUnits(answer.units);
  status(
    say("done", { count: answer.count, aside: answer.set_aside, units: answer.units.length }),
    "done",
  );
}

async function check(event) {
  event?.preventDefault();
  if (!$("#workbook").files.length) return status(say("choose"), "error");
  status(say("working"), "working");
  for (const id of ["#problems", "#grades", "#units"]) $(id).hidden = true;
  const answer = await post("cycle");
  if (!answer.ok) return refused(answer);
  shown = true;
  return show(await answer.json());
}

async function template() {
  const answer = await fetch("template", { headers: headers() });
  if (!answer.ok) return refused(answer);
  return save(answer, "penilaian-template.xlsx");
}

document.addEventListener("DOMContentLoaded", () => {
  const asked = new URLSearchParams(window.location.search).get("lang");
  $("#lang").value = asked === "en" ? "en" : "id";
  applyTexts();
  $("#lang").addEventListener("change", () => {
    applyTexts();
    if (shown) check();
  });
  $("#upload").addEventListener("submit", check);
  $("#template").addEventListener("click", template);
  $("#download-xlsx").addEventListener("click", () => download("score?format=xlsx", "results.xlsx"));
  $("#download-csv").addEventListener("click", () => download("score?format=csv", "results.csv"));
  status("", "ready");
});
