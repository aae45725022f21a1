"""
Message templates of the analyses.

Each English reason (a template of `penilaian._base.messages`), then its Indonesian text
after ``= ``; a line that starts with two spaces continues the line above.
"""

__all__ = ["TEXT"]

TEXT = """
a must-include rule has no share; its quota is the convention's
= aturan harus-ada tidak memiliki porsi; kuotanya mengikuti konvensi

an {bound} rule needs a share
= aturan {bound} memerlukan porsi

names no grade
= tidak menyebut predikat apa pun

must map organisation grades to rules
= harus memetakan capaian kinerja organisasi ke aturan

every organisation grade needs rules
= setiap capaian kinerja organisasi memerlukan aturan

must be a CurveRule
= harus berupa CurveRule

grades outside the curve
= predikat di luar kurva

rule grade sets must nest or be disjoint
= himpunan predikat pada aturan harus bersarang atau saling lepas

must be a DistributionCurve
= harus berupa DistributionCurve

must be a QuotaConvention
= harus berupa QuotaConvention

the unit has no employees to check
= unit tidak memiliki pegawai untuk diperiksa

must be a GradedEmployee
= harus berupa GradedEmployee

belongs to unit {unit}, not {other}
= termasuk unit {unit}, bukan {other}

is not a grade of the {curve} curve
= bukan predikat pada kurva {curve}

repeats an earlier employee
= mengulang pegawai yang sudah ada sebelumnya

with work results {work} the matrix gives {cell}, not {grade}
= dengan hasil kerja {work}, matriks memberi {cell}, bukan {grade}

is the result of appraisal {appraisal}, not {other}
= adalah hasil penilaian {appraisal}, bukan {other}

the result is incomplete: {gaps}
= hasilnya belum lengkap: {gaps}

the position names no unit; pass unit_id
= jabatan tidak menyebut unit; berikan unit_id

a unit needs at least one appraisal
= unit memerlukan paling sedikit satu penilaian

is in unit {unit}, not {other}
= berada di unit {unit}, bukan {other}

differs from the unit's grade {grade}
= berbeda dari capaian kinerja organisasi unit {grade}

needs one result per appraisal ({count})
= memerlukan satu hasil untuk setiap penilaian ({count})

the answers of {count} respondents on the 1-4 scale sum to {low}-{high}
= jawaban {count} responden pada skala 1-4 berjumlah {low}-{high}

needs the NRR of at least one element
= memerlukan NRR paling sedikit satu unsur

an NRR lies on the 1-4 scale
= NRR berada pada skala 1-4

{count} values for {elements} service elements
= {count} nilai untuk {elements} unsur pelayanan

must be a (total, respondents) pair
= harus berupa pasangan (total, responden)

respondent {who} answers {element} twice
= responden {who} menjawab {element} dua kali

respondent {who}: must map service elements to answers 1-4
= responden {who}: harus memetakan unsur pelayanan ke jawaban 1-4

respondent {who} answered no element
= responden {who} tidak menjawab unsur apa pun

was not among the surveyed elements
= tidak termasuk unsur yang disurvei

must be a penilaian.NumericScale
= harus berupa penilaian.NumericScale

unit value outside 25-100 under the {weighting} weighting; use weighting='exact' to map it onto
  an appraisal scale
= nilai unit di luar 25-100 dengan pembobotan {weighting}; gunakan weighting='exact' untuk
  memetakannya ke skala penilaian

needs at least one survey response
= memerlukan paling sedikit satu jawaban survei

must be a SurveyResponse
= harus berupa SurveyResponse

repeats an earlier respondent id
= mengulang id responden yang sudah ada sebelumnya

needs at least one service element
= memerlukan paling sedikit satu unsur pelayanan

names an element twice
= menyebut sebuah unsur dua kali

respondent {who} answers {element}, which is not among the surveyed elements
= responden {who} menjawab {element}, yang tidak termasuk unsur yang disurvei

no respondent answered {element} ({label}); pass elements= without it if it does not apply
= tidak ada responden yang menjawab {element} ({label}); berikan elements= tanpa unsur ini bila
  tidak berlaku

{who}an answer is a whole number 1-4, not a {kind}
= {who}jawaban berupa bilangan bulat 1-4, bukan {kind}

{who}outside the 1-4 scale (leave an unanswered element out; never 0)
= {who}di luar skala 1-4 (hilangkan unsur yang tidak dijawab; jangan pernah 0)

respondent {who}: an answer is a whole number 1-4, not a {kind}
= responden {who}: jawaban berupa bilangan bulat 1-4, bukan {kind}

respondent {who}: outside the 1-4 scale (leave an unanswered element out; never 0)
= responden {who}: di luar skala 1-4 (hilangkan unsur yang tidak dijawab; jangan pernah 0)

must be (moderate, strong)
= harus berupa (moderate, strong)

a catalogue needs at least one action
= katalog memerlukan paling sedikit satu kegiatan

must be a DevelopmentAction
= harus berupa DevelopmentAction

action {action} names a competency no framework or work aspect has
= kegiatan {action} menyebut kompetensi yang tidak dimiliki kerangka atau aspek kerja mana pun

repeats an earlier action id
= mengulang id kegiatan yang sudah ada sebelumnya

must be a mapping with only "actions"
= harus berupa pemetaan yang hanya berisi "actions"

must be a list of actions
= harus berupa daftar kegiatan

an action must be a mapping
= kegiatan harus berupa pemetaan

is not a field of an action
= bukan kolom sebuah kegiatan

must be at least the minimum ({minimum})
= harus paling sedikit sebesar minimum ({minimum})

must map severities to counts
= harus memetakan tingkat keparahan ke jumlah

must give every severity a whole number of actions, 1 or more
= harus memberi setiap tingkat keparahan bilangan bulat jumlah kegiatan, 1 atau lebih

must be a BandTable of GapSeverity labels
= harus berupa BandTable berisi label GapSeverity

must map regime ids to GapThresholds
= harus memetakan id rezim ke GapThresholds

must name at least one TargetKind
= harus menyebut paling sedikit satu TargetKind

names no indicator of appraisal {appraisal}
= tidak menyebut indikator penilaian {appraisal}

names no {aspect} indicator of a work target of {appraisal}
= tidak menyebut indikator {aspect} pada rencana hasil kerja {appraisal}

the result is of another appraisal than {appraisal}
= hasil ini milik penilaian lain, bukan {appraisal}

must map years to grades
= harus memetakan tahun ke predikat

must be an Appraisal
= harus berupa Appraisal

must be Requirements
= harus berupa Requirements

must be Requirements or a function of the appraisal giving them
= harus berupa Requirements atau fungsi atas penilaian yang menghasilkannya

must be an OrgUnit or None
= harus berupa OrgUnit atau None

no unit under {unit}
= tidak ada unit di bawah {unit}

no unit with this id in the cycle
= tidak ada unit dengan id ini dalam siklus

must map rater roles to counts
= harus memetakan peran penilai ke jumlah

must be non-empty subject ids
= harus berupa id subjek yang tidak kosong

must be a non-empty regime id
= harus berupa id rezim yang tidak kosong

cannot tell which raters this aggregator needs; build Requirements yourself
= tidak dapat mengetahui penilai yang diperlukan agregator ini; susun Requirements sendiri

a rule whose needs cannot be read; build Requirements yourself
= aturan yang kebutuhannya tidak dapat dibaca; susun Requirements sendiri

a strategy whose needs cannot be read; build Requirements yourself
= strategi yang kebutuhannya tidak dapat dibaca; susun Requirements sendiri

must map target references to weights
= harus memetakan rujukan target ke bobot
"""
