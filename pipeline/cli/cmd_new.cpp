// `vnplan new PLAN_DIR --issuer "UBND xã Tân Lập" [--family state|party]`: a commented
// skeleton plan and a progress file for the current period, which validate as written, to
// start from instead of a blank file (issue #12). Never overwrites anything.
#include <chrono>
#include <filesystem>
#include <iostream>

#include "batch/atomic_file.hpp"
#include "cli/commands.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_loader.hpp"
#include "model/progress.hpp"
#include "model/text.hpp"

namespace vnplan {
namespace {

// A YAML double-quoted scalar.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

bool startsWith(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

// "UBND xã Tân Lập" -> "Tân Lập": the place after the unit word.
std::string placeOf(const std::string& issuer) {
  for (const char* unit : {" xã ", " phường ", " thị trấn ", " huyện ", " thị xã ", " thành phố ", " tỉnh "}) {
    size_t p = issuer.find(unit);
    if (p != std::string::npos) return issuer.substr(p + std::string(unit).size());
  }
  return issuer;
}

std::string planSkeleton(const std::string& issuer, Family family, int year) {
  const bool party = family == Family::Party;
  std::vector<std::string> nameLines;
  std::string symbol = party ? "ĐU" : "UBND";
  std::string rest;
  if (!party && startsWith(issuer, "UBND ")) {
    nameLines = {"ỦY BAN NHÂN DÂN", toUpper(issuer.substr(5))};
  } else if (!party && startsWith(issuer, "Ủy ban nhân dân ")) {
    nameLines = {"ỦY BAN NHÂN DÂN", toUpper(issuer.substr(std::string("Ủy ban nhân dân ").size()))};
  } else {
    nameLines = {toUpper(issuer)};
  }
  const std::string place = placeOf(issuer);
  std::string y = std::to_string(year);
  std::string s;
  s += "# Kế hoạch của " + issuer + " — khung do `vnplan new` tạo ra.\n";
  s += "# Thay các nội dung mẫu bằng nội dung của Kế hoạch; cách viết: docs/input-format.md.\n";
  s += "# Kiểm tra: vnplan validate THƯ_MỤC   Tạo PDF, XLSX: vnplan build THƯ_MỤC\n";
  s += "document:\n";
  s += std::string("  family: ") + (party ? "party" : "state") +
       (party ? "            # party: thể thức Hướng dẫn 36-HD/VPTW\n" : "            # state: thể thức Nghị định 30/2020/NĐ-CP\n");
  s += "  type: KH                 # KH = Kế hoạch\n";
  s += "  issuer:\n";
  s += party ? "    # parent: ĐẢNG BỘ HUYỆN …          # dòng cấp trên (chữ in hoa), nếu có\n"
             : "    # parent: UBND HUYỆN …             # cơ quan chủ quản (chữ in hoa), nếu có\n";
  s += "    name:                              # tên cơ quan ban hành, mỗi dòng in một mục\n";
  for (const auto& l : nameLines) s += "      - " + quoted(l) + "\n";
  s += "    symbol: " + symbol + "                       # phần ký hiệu của cơ quan: 25/KH-" + symbol + "\n";
  s += "    short_name: " + quoted(issuer) + "\n";
  s += "  # number: 25             # số văn bản: để trống khi còn là dự thảo\n";
  s += "  date:                    # ngày ký: để trống ngày, tháng khi còn là dự thảo\n";
  s += "    year: " + y + "\n";
  s += "  place: " + quoted(place) + "\n";
  s += "  title: >-                # trích yếu: không lặp lại chữ \"Kế hoạch\" (đã in ở dòng KẾ HOẠCH)\n";
  s += "    Thực hiện nhiệm vụ … năm " + y + "\n";
  s += "\n";
  s += "preamble:                  # căn cứ ban hành: mỗi đoạn một mục\n";
  s += "  - >-\n";
  s += "    Căn cứ …; " + issuer + " ban hành Kế hoạch thực hiện như sau:\n";
  s += "\n";
  s += "body:                      # các phần: số, tên, nội dung (p: đoạn văn, item: ý gạch đầu dòng)\n";
  s += "  - number: I.\n";
  s += "    title: MỤC ĐÍCH, YÊU CẦU\n";
  s += "    content:\n";
  s += "      - number: \"1.\"\n";
  s += "        title: Mục đích\n";
  s += "        content:\n";
  s += "          - p: >-\n";
  s += "              Nội dung mục đích …\n";
  s += "      - number: \"2.\"\n";
  s += "        title: Yêu cầu\n";
  s += "        content:\n";
  s += "          - item: Nội dung yêu cầu …\n";
  s += "  - number: II.\n";
  s += "    title: NHIỆM VỤ, GIẢI PHÁP\n";
  s += "    content:\n";
  s += "      - {number: \"1.\", p: \"Nhiệm vụ thứ nhất …\"}   # đoạn văn đánh số (không phải đề mục)\n";
  s += "  - number: III.\n";
  s += "    title: TỔ CHỨC THỰC HIỆN\n";
  s += "    content:\n";
  s += "      - p: >-\n";
  s += "          Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ triển khai thực hiện Kế hoạch này.\n";
  s += "\n";
  s += "closing:\n";
  s += "  - Trên đây là Kế hoạch của " + issuer + "./.\n";
  s += "\n";
  s += "recipients:                # Nơi nhận: mỗi dòng một mục, không viết dấu \"- \" ở đầu\n";
  s += "  - Thường trực …;\n";
  s += "  - \"Lưu: VT.\"               # mục cuối là \"Lưu: …\"; đặt trong ngoặc kép vì có dấu \":\"\n";
  s += "\n";
  s += "signature:\n";
  s += "  authority:\n";
  s += party ? "    - T/M BAN THƯỜNG VỤ\n    - BÍ THƯ\n" : "    - TM. ỦY BAN NHÂN DÂN\n    - CHỦ TỊCH\n";
  s += "  name: Họ và tên người ký\n";
  s += "  status: draft            # draft: in chữ DỰ THẢO; signed: khi đã có số và ngày đầy đủ\n";
  s += "\n";
  s += "agencies:                  # danh mục cơ quan: mã (chữ in hoa không dấu) và tên\n";
  s += "  - {code: VP, name: Văn phòng}\n";
  s += "\n";
  s += "tasks:                     # Phụ lục nhiệm vụ (có thể bỏ); chỉ tiêu: khóa indicators (xem tài liệu)\n";
  s += "  label: PHỤ LỤC\n";
  s += "  title: DANH MỤC NHIỆM VỤ\n";
  s += "  link: Kèm theo\n";
  s += "  columns:\n";
  s += "    - {key: number, header: TT, width: 5}\n";
  s += "    - {key: name, header: Nhiệm vụ, width: 40}\n";
  s += "    - {key: lead, header: Cơ quan chủ trì, width: 16}\n";
  s += "    - {key: deadline, header: Thời gian hoàn thành, width: 12}\n";
  s += "  groups:\n";
  s += "    - number: I\n";
  s += "      title: Nhóm nhiệm vụ thứ nhất\n";
  s += "      items:\n";
  s += "        - number: \"1\"\n";
  s += "          name: Nhiệm vụ …\n";
  s += "          lead: [VP]\n";
  s += "          deadline: \"12/" + y + "\"   # 12/" + y + ", Quý II/" + y + ", Hằng năm, Thường xuyên …\n";
  return s;
}

std::string progressSkeleton(const ReportPeriod& p) {
  std::string s;
  s += "# Số liệu báo cáo " + p.label(Lang::Vi) + " — cách viết: docs/progress-format.md.\n";
  s += "period: " + p.key() + "\n";
  s += "direction:                # I. Công tác chỉ đạo, triển khai\n";
  s += "  - Nội dung …\n";
  s += "tasks:                    # một mục cho mỗi nhiệm vụ của phụ lục\n";
  s += "  - {number: \"1\", status: chưa thực hiện}   # hoàn thành | đang thực hiện | chưa thực hiện | "
       "dừng/điều chỉnh\n";
  return s;
}

CalendarDate todayOf(const CliOptions& o, bool& ok) {
  ok = true;
  if (!o.today.empty()) {
    CalendarDate d;
    ok = o.today.size() == 10 && parseDate(o.today, d) == DateParse::Ok;
    return d;
  }
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return civilFromDays(static_cast<long>(days.time_since_epoch().count()));
}

}  // namespace

int cmdNew(const std::vector<std::string>& args, const CliOptions& o) {
  const bool en = o.lang == Lang::En;
  if (args.size() != 1) return usageError(en ? "new needs one PLAN_DIR" : "new cần đúng một PLAN_DIR", o.lang);
  if (trim(o.issuer).empty())
    return usageError(en ? "new needs --issuer \"UBND xã Tân Lập\"" : "new cần --issuer \"UBND xã Tân Lập\"", o.lang);
  bool ok = true;
  const CalendarDate today = todayOf(o, ok);
  if (!ok)
    return usageError((en ? "--today must be a date YYYY-MM-DD: " : "--today phải là ngày YYYY-MM-DD: ") + o.today,
                      o.lang);
  const std::filesystem::path dir(args[0]);
  const auto planFile = dir / "plan.yaml";
  std::error_code ec;
  if (std::filesystem::exists(planFile, ec)) {
    std::cerr << planFile.string() << ": " << (en ? "error: already exists; nothing written\n" : "lỗi: đã có tệp này; không ghi gì\n");
    return kExitInvalid;
  }
  // The current period: the 6-month report until its data period ends (14/6), then the year's.
  ReportPeriod period;
  period.year = today.month == 12 && today.day >= 15 ? today.year + 1 : today.year;
  period.kind = (today.month < 6 || (today.month == 6 && today.day <= 14) || period.year > today.year)
                    ? ReportKind::HalfYear
                    : ReportKind::Annual;
  const auto progressFilePath = std::filesystem::path(progressFile(dir.string(), period));
  const std::string issuer = toNfc(trim(o.issuer));
  writeBytesAtomically(planFile.string(), planSkeleton(issuer, o.family == "party" ? Family::Party : Family::State, today.year));
  if (!std::filesystem::exists(progressFilePath, ec)) writeBytesAtomically(progressFilePath.string(), progressSkeleton(period));
  std::cout << planFile.string() << "\n" << progressFilePath.string() << "\n";
  std::cout << (en ? "Next: edit plan.yaml, then vnplan validate " : "Tiếp theo: sửa plan.yaml, rồi chạy vnplan validate ")
            << dir.string() << "\n";
  return kExitOk;
}

}  // namespace vnplan
