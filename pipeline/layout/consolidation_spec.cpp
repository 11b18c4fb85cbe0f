#include "layout/consolidation_spec.hpp"

#include "layout/report_spec.hpp"
#include "model/text.hpp"

namespace vnplan {

std::string percentText(double percent) { return formatVietnameseNumber(percent, 1) + "%"; }

std::string indicatorTotalText(const IndicatorTotal& t) {
  if (!t.value) return "";
  const double v = *t.value;
  const bool whole = v == static_cast<double>(static_cast<long long>(v));
  return formatVietnameseNumber(v, whole ? 0 : 1) + (t.percent ? "%" : "");
}

namespace {

std::string n(int v) { return std::to_string(v); }

const char* ruleLabel(Aggregation a) {
  switch (a) {
    case Aggregation::Sum: return "Tổng";
    case Aggregation::Average: return "Bình quân";
    case Aggregation::None: return "Không cộng gộp";
    case Aggregation::Auto: return "";
  }
  return "";
}

SpecBlock heading(int level, std::string number, std::string text) {
  SpecBlock b;
  b.kind = SpecBlockKind::Heading;
  b.level = level;
  b.number = std::move(number);
  b.text = std::move(text);
  return b;
}

SpecBlock para(std::string text) {
  SpecBlock b;
  b.kind = SpecBlockKind::Paragraph;
  b.text = std::move(text);
  return b;
}

SpecBlock table(Table t) {
  SpecBlock b;
  b.kind = SpecBlockKind::Table;
  b.table = std::move(t);
  return b;
}

std::string parentName(const Unit* p) { return p ? p->name : "Toàn bộ"; }

}  // namespace

DocumentSpec specFromConsolidation(const Plan& plan, const Consolidation& c, const DocTemplate& tmpl) {
  DocumentSpec s;
  s.family = plan.document.family;
  s.typeCode = "BC";
  s.typeName = "BÁO CÁO";
  s.issuer = plan.document.issuer;
  const CalendarDate ref = c.due ? *c.due : dataRange(c.period).last;
  s.date = {0, ref.month, ref.year};
  s.place = plan.document.place;
  s.title = "Tổng hợp kết quả báo cáo của các đơn vị về thực hiện " + planReference(plan, tmpl) + " " +
            c.period.label(Lang::Vi);
  s.layout = plan.layout;
  s.recipients = plan.recipients;
  s.signature = plan.signature;
  s.signature.signedOff = false;
  s.author = plan.document.issuer.shortName;
  s.subject = s.title;

  const RateCounts& all = c.overall.rate;
  s.body.push_back(heading(1, "I.", "TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ"));
  const DataRange range = dataRange(c.period);
  s.body.push_back(para("Số liệu tính từ ngày " + formatDateVi(range.first) + " đến ngày " + formatDateVi(range.last) +
                        (c.due ? "; thời hạn gửi báo cáo: trước ngày " + formatDateVi(*c.due) : std::string()) + ". Có " +
                        n(all.expected) + " đơn vị phải báo cáo; " + n(all.reported) + " đơn vị đã báo cáo (tỷ lệ " +
                        percentText(all.reportingRate()) + "), trong đó " + n(all.onTime) + " đơn vị đúng hạn (tỷ lệ " +
                        percentText(all.onTimeRate()) + "), " + n(all.late) + " đơn vị chậm; " + n(all.missing) +
                        " đơn vị chưa báo cáo và " + n(all.rejected) + " đơn vị có tệp bị từ chối."));
  Table rates;
  rates.columns = {{"Cấp", 16, CellAlign::Left},        {"Phải báo cáo", 9, CellAlign::Center},
                   {"Đã báo cáo", 9, CellAlign::Center}, {"Đúng hạn", 9, CellAlign::Center},
                   {"Chậm", 8, CellAlign::Center},       {"Chưa báo cáo", 9, CellAlign::Center},
                   {"Bị từ chối", 9, CellAlign::Center}, {"Tỷ lệ báo cáo", 10, CellAlign::Center},
                   {"Tỷ lệ đúng hạn", 10, CellAlign::Center}};
  auto rateRow = [&](const std::string& name, const RateCounts& r, bool bold) {
    rates.rows.push_back(TableRow{false,
                                  {name, n(r.expected), n(r.reported), n(r.onTime), n(r.late), n(r.missing),
                                   n(r.rejected), percentText(r.reportingRate()), percentText(r.onTimeRate())},
                                  bold});
  };
  for (const auto& [level, r] : c.levels) rateRow(unitLevelLabel(level, false), r, false);
  rateRow("Tổng cộng", all, true);
  s.body.push_back(table(std::move(rates)));

  if (!c.parents.empty()) {
    s.body.push_back(heading(2, "1.", "Theo đơn vị cấp trên"));
    Table t;
    t.columns = {{"Đơn vị cấp trên", 22, CellAlign::Left}, {"Phải báo cáo", 9, CellAlign::Center},
                 {"Đã báo cáo", 9, CellAlign::Center},     {"Đúng hạn", 9, CellAlign::Center},
                 {"Tỷ lệ báo cáo", 10, CellAlign::Center}, {"Tỷ lệ đúng hạn", 10, CellAlign::Center},
                 {"Nhiệm vụ hoàn thành", 11, CellAlign::Center}};
    for (const auto& p : c.parents)
      t.rows.push_back(TableRow{false,
                                {parentName(p.parent), n(p.rate.expected), n(p.rate.reported), n(p.rate.onTime),
                                 percentText(p.rate.reportingRate()), percentText(p.rate.onTimeRate()),
                                 n(p.tasks.done()) + "/" + n(p.tasks.total)},
                                false});
    s.body.push_back(table(std::move(t)));
  }

  s.body.push_back(heading(1, "II.", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ (TỔNG HỢP CÁC ĐƠN VỊ ĐÃ BÁO CÁO)"));
  {
    Table t;
    t.columns = {{"Tình trạng", 30, CellAlign::Left}, {"Số lượt nhiệm vụ", 12, CellAlign::Center},
                 {"Tỷ lệ", 10, CellAlign::Center}};
    for (TaskStatus st : kAllTaskStatuses)
      t.rows.push_back(TableRow{false,
                                {taskStatusLabel(st, Lang::Vi), n(c.overall.tasks.count(st)),
                                 percentText(c.overall.tasks.percent(st))},
                                false});
    t.rows.push_back(TableRow{false, {"Tổng cộng", n(c.overall.tasks.total), c.overall.tasks.total ? "100,0%" : ""}, true});
    s.body.push_back(table(std::move(t)));
  }

  if (!c.overall.indicators.empty()) {
    s.body.push_back(heading(1, "III.", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"));
    s.body.push_back(para("Chỉ tiêu tính bằng tỷ lệ phần trăm được tính bình quân giữa các đơn vị có số liệu, không "
                          "cộng dồn; chỉ tiêu xếp hạng không cộng gộp."));
    Table t;
    t.columns = {{"TT", 5, CellAlign::Center},          {"Chỉ tiêu", 34, CellAlign::Left},
                 {"Chỉ tiêu kế hoạch", 11, CellAlign::Center}, {"Cách tổng hợp", 10, CellAlign::Center},
                 {"Kết quả tổng hợp", 11, CellAlign::Center},  {"Số đơn vị có số liệu", 10, CellAlign::Center},
                 {"Số đơn vị đạt", 9, CellAlign::Center}};
    for (const auto& i : c.overall.indicators)
      t.rows.push_back(TableRow{false,
                                {i.indicator->number, i.indicator->name, i.target, ruleLabel(i.rule),
                                 indicatorTotalText(i), n(i.unitsWithValue), n(i.unitsMet)},
                                false});
    s.body.push_back(table(std::move(t)));
  }

  s.body.push_back(heading(1, "IV.", "ĐƠN VỊ CHƯA BÁO CÁO HOẶC CÓ TỆP BỊ TỪ CHỐI"));
  Table miss;
  miss.columns = {{"TT", 5, CellAlign::Center},
                  {"Mã", 8, CellAlign::Center},
                  {"Đơn vị", 26, CellAlign::Left},
                  {"Tình trạng", 11, CellAlign::Center},
                  {"Lý do", 40, CellAlign::Left}};
  int k = 0;
  for (const auto& u : c.units) {
    if (u.reported()) continue;
    std::string reasons;
    for (const auto& r : u.reasons) reasons += (reasons.empty() ? "" : "\n") + r;
    miss.rows.push_back(TableRow{false,
                                 {n(++k), u.unit->code, u.unit->name, reportingStateLabel(u.state, Lang::Vi), reasons},
                                 false});
  }
  if (miss.rows.empty())
    s.body.push_back(para("Tất cả các đơn vị đã báo cáo."));
  else
    s.body.push_back(table(std::move(miss)));
  return s;
}

}  // namespace vnplan
