#include "batch/synth.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "model/deadline.hpp"
#include "model/text.hpp"

namespace vnplan {

namespace fs = std::filesystem;

namespace {

// splitmix64: tiny, and the same sequence on every platform (std:: distributions are not).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }
  template <class T, size_t N>
  const T& pick(const std::array<T, N>& a) {
    return a[static_cast<size_t>(below(static_cast<int>(N)))];
  }
  template <class T>
  const T& pick(const std::vector<T>& a) {
    return a[static_cast<size_t>(below(static_cast<int>(a.size())))];
  }

 private:
  std::uint64_t state_;
};

struct Syllable {
  const char* text;
  const char* ascii;
};

// Syllables of place names, with their unaccented spelling for folder names.
constexpr std::array<Syllable, 64> kSyllables{{
    {"An", "an"},       {"Bình", "binh"},   {"Châu", "chau"},   {"Đông", "dong"},     {"Định", "dinh"},
    {"Giang", "giang"}, {"Hà", "ha"},       {"Hải", "hai"},     {"Hòa", "hoa"},       {"Hưng", "hung"},
    {"Khánh", "khanh"}, {"Lâm", "lam"},     {"Long", "long"},   {"Minh", "minh"},     {"Nam", "nam"},
    {"Ninh", "ninh"},   {"Phú", "phu"},     {"Phúc", "phuc"},   {"Quang", "quang"},   {"Sơn", "son"},
    {"Tân", "tan"},     {"Thái", "thai"},   {"Thanh", "thanh"}, {"Thạnh", "thanh"},   {"Thuận", "thuan"},
    {"Tiên", "tien"},   {"Trung", "trung"}, {"Tuyên", "tuyen"}, {"Vĩnh", "vinh"},     {"Xuân", "xuan"},
    {"Yên", "yen"},     {"Lạc", "lac"},     {"Mỹ", "my"},       {"Nghĩa", "nghia"},   {"Phong", "phong"},
    {"Quý", "quy"},     {"Tường", "tuong"}, {"Hồng", "hong"},   {"Cẩm", "cam"},       {"Đức", "duc"},
    {"Hiệp", "hiep"},   {"Kim", "kim"},     {"Lợi", "loi"},     {"Mai", "mai"},       {"Ngọc", "ngoc"},
    {"Phước", "phuoc"}, {"Bảo", "bao"},     {"Cát", "cat"},     {"Đại", "dai"},       {"Gia", "gia"},
    {"Hợp", "hop"},     {"Khê", "khe"},     {"Lương", "luong"}, {"Tây", "tay"},       {"Bắc", "bac"},
    {"Hậu", "hau"},     {"Lộc", "loc"},     {"Thọ", "tho"},     {"Thượng", "thuong"}, {"Vạn", "van"},
    {"Điền", "dien"},   {"Nguyên", "nguyen"}, {"Sa", "sa"},     {"Tịnh", "tinh"},
}};

// The 34 two-digit province codes kept after the 2025 reorganisation.
constexpr std::array<int, kSynthProvinces> kProvinceCodes{1,  4,  8,  11, 12, 14, 15, 19, 20, 22, 24, 25,
                                                          31, 33, 37, 38, 40, 42, 44, 46, 48, 51, 52, 56,
                                                          66, 68, 75, 79, 80, 82, 86, 91, 92, 96};

struct Agency {
  const char* code;
  const char* name;
};
constexpr std::array<Agency, 6> kStateAgencies{{{"VP", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"},
                                                {"KT", "Phòng Kinh tế"},
                                                {"VHXH", "Phòng Văn hóa - Xã hội"},
                                                {"HCC", "Trung tâm Phục vụ hành chính công"},
                                                {"CA", "Công an xã"},
                                                {"QS", "Ban Chỉ huy Quân sự"}}};
constexpr std::array<Agency, 5> kPartyAgencies{{{"VPDU", "Văn phòng Đảng ủy"},
                                                {"BXD", "Ban Xây dựng Đảng"},
                                                {"UBKT", "Ủy ban Kiểm tra Đảng ủy"},
                                                {"MTTQ", "Ủy ban Mặt trận Tổ quốc xã"},
                                                {"UBND", "Ủy ban nhân dân xã"}}};

constexpr std::array<const char*, 14> kVerbs{
    "Tăng cường", "Đẩy mạnh", "Triển khai đồng bộ", "Nâng cao chất lượng", "Hoàn thiện", "Tổ chức thực hiện hiệu quả",
    "Rà soát, bổ sung", "Ưu tiên bố trí nguồn lực cho", "Thúc đẩy", "Phát huy vai trò của", "Đổi mới phương thức",
    "Kiện toàn", "Xây dựng và vận hành", "Chủ động phối hợp trong"};
constexpr std::array<const char*, 18> kObjects{
    "hạ tầng số trên địa bàn", "cơ sở dữ liệu dùng chung của xã", "dịch vụ công trực tuyến toàn trình",
    "công tác tuyên truyền về chuyển đổi số", "nền tảng số phục vụ người dân", "ứng dụng công nghệ thông tin trong cơ quan",
    "bảo đảm an toàn, an ninh mạng", "kỹ năng số cho cán bộ, công chức", "thanh toán không dùng tiền mặt",
    "thương mại điện tử cho hợp tác xã", "tổ công nghệ số cộng đồng", "chữ ký số và định danh điện tử",
    "hệ thống truyền thanh thông minh", "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "phong trào bình dân học số", "chính quyền số cấp xã", "kinh tế số trong nông nghiệp", "xã hội số"};
constexpr std::array<const char*, 12> kQualifiers{
    "theo đúng lộ trình của tỉnh", "gắn với nhiệm vụ phát triển kinh tế - xã hội của địa phương",
    "bảo đảm thực chất, hiệu quả, tránh hình thức", "với sự tham gia của cả hệ thống chính trị",
    "phù hợp với điều kiện thực tế của từng thôn, tổ dân phố", "lấy người dân và doanh nghiệp làm trung tâm",
    "theo hướng dẫn của các sở, ngành", "trong phạm vi dự toán được giao",
    "gắn trách nhiệm của người đứng đầu", "từng bước, có trọng tâm, trọng điểm",
    "bảo đảm kết nối, liên thông với hệ thống của tỉnh", "kịp thời tháo gỡ khó khăn, vướng mắc"};
constexpr std::array<const char*, 8> kOutcomes{
    "góp phần nâng cao năng lực quản trị của chính quyền cơ sở", "tạo chuyển biến rõ nét trong nhận thức của Nhân dân",
    "phấn đấu hoàn thành các chỉ tiêu tỉnh giao", "rút ngắn thời gian giải quyết thủ tục hành chính",
    "nâng cao mức độ hài lòng của người dân", "tạo động lực mới cho phát triển kinh tế - xã hội",
    "bảo đảm sự lãnh đạo, chỉ đạo thống nhất", "hình thành thói quen sử dụng dịch vụ số"};
constexpr std::array<const char*, 8> kProducts{"Kế hoạch", "Báo cáo", "Văn bản chỉ đạo", "Hệ thống vận hành",
                                               "Cơ sở dữ liệu", "Quyết định", "Chương trình", "Hội nghị"};
constexpr std::array<const char*, 12> kDeadlines{"Thường xuyên", "Hằng năm", "Quý II/năm 2025", "Quý IV/năm 2025",
                                                 "6/2025", "12/2025", "Năm 2026", "Quý II/năm 2026",
                                                 "9/2026", "Năm 2027", "5/2025 và thực hiện thường xuyên",
                                                 "Sau khi tỉnh triển khai"};
constexpr std::array<const char*, 5> kSections{"Nâng cao nhận thức, đổi mới tư duy về chuyển đổi số",
                                               "Phát triển hạ tầng số và nền tảng số",
                                               "Xây dựng chính quyền số cấp xã",
                                               "Phát triển kinh tế số và xã hội số",
                                               "Bảo đảm an toàn thông tin và nguồn nhân lực số"};

const char* romanNumeral(int n) {
  static const std::array<const char*, 10> r{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
  return r[static_cast<size_t>(n - 1)];
}

struct Name {
  std::string text, slug;
};

Name placeName(Rng& rng) {
  const Syllable& a = rng.pick(kSyllables);
  const Syllable* b = &rng.pick(kSyllables);
  while (b == &a) b = &rng.pick(kSyllables);
  return {std::string(a.text) + " " + b->text, std::string(a.ascii) + "-" + b->ascii};
}

std::string sentence(Rng& rng) {
  std::string s = std::string(rng.pick(kVerbs)) + " " + rng.pick(kObjects) + " " + rng.pick(kQualifiers);
  if (rng.below(2)) s += ", " + std::string(rng.pick(kOutcomes));
  return s + ".";
}

std::string paragraph(Rng& rng, int sentences) {
  std::string p;
  for (int i = 0; i < sentences; ++i) p += (i ? " " : "") + sentence(rng);
  return p;
}

// A `>-` folded scalar, wrapped near 90 columns like the seed files.
void folded(std::ostream& out, const std::string& text, int indent) {
  const std::string pad(static_cast<size_t>(indent), ' ');
  out << ">-\n" << pad;
  size_t col = 0;
  std::istringstream words(text);
  std::string w;
  bool first = true;
  while (words >> w) {
    if (!first && col + 1 + w.size() > 88) {
      out << "\n" << pad;
      col = 0;
    } else if (!first) {
      out << ' ';
      ++col;
    }
    out << w;
    col += w.size();
    first = false;
  }
  out << "\n";
}

std::string quoted(const std::string& s) {
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') q += '\\';
    q += c;
  }
  return q + "\"";
}

struct Unit {
  int provinceCode = 0;
  Name province;
  int code = 0;
  Name commune;
  bool ward = false;   // phường rather than xã
  bool party = false;  // the Party committee's plan rather than the People's Committee's
  CalendarDate date;
  int number = 0;
};

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }
std::string five(int n) {
  std::string s = std::to_string(n);
  return std::string(5 - std::min<size_t>(5, s.size()), '0') + s;
}

std::vector<std::string> agencyCodes(const Unit& u) {
  std::vector<std::string> codes;
  if (u.party)
    for (const auto& a : kPartyAgencies) codes.push_back(a.code);
  else
    for (const auto& a : kStateAgencies) codes.push_back(a.code);
  return codes;
}

void writeTasks(std::ostream& out, const Unit& u, Rng& rng) {
  const auto codes = agencyCodes(u);
  out << "# Phụ lục nhiệm vụ (synthetic, vnplan synth)\nlabel: PHỤ LỤC II\ntitle: DANH MỤC CÁC NHIỆM VỤ TRIỂN KHAI\n"
         "link: Ban hành kèm theo\ncolumns:\n"
         "  - {key: number,   header: TT,                   width: 5}\n"
         "  - {key: name,     header: Tên nhiệm vụ,         width: 40}\n"
         "  - {key: lead,     header: Cơ quan chủ trì,      width: 16}\n"
         "  - {key: partners, header: Cơ quan phối hợp,     width: 18}\n"
         "  - {key: product,  header: Kết quả,              width: 12}\n"
         "  - {key: deadline, header: Thời gian hoàn thành, width: 9}\ngroups:\n";
  int n = 0;
  for (int g = 1; g <= 5; ++g) {
    out << "  - number: " << romanNumeral(g) << "\n    title: " << kSections[static_cast<size_t>(g - 1)] << "\n    items:\n";
    for (int i = 0; i < 10; ++i) {
      ++n;
      out << "      - number: \"" << n << "\"\n        name: ";
      folded(out, paragraph(rng, 1 + rng.below(2)), 10);
      const std::string& lead = rng.pick(codes);
      std::string partner = rng.pick(codes);
      out << "        lead: [" << lead << "]\n        partners: [" << (partner == lead ? "\"Các cơ quan, đơn vị liên quan\"" : partner)
          << ", \"Các thôn, tổ dân phố\"]\n        product: " << rng.pick(kProducts) << "\n        deadline: "
          << rng.pick(kDeadlines) << "\n";
    }
  }
}

struct IndicatorKind {
  const char* unit;
  int kind;  // 0 percent, 1 yes/no, 2 count
};

void writeIndicators(std::ostream& out, const Unit& u, Rng& rng, std::vector<int>& kinds) {
  const auto codes = agencyCodes(u);
  out << "# Phụ lục chỉ tiêu (synthetic, vnplan synth)\nlabel: PHỤ LỤC I\ntitle: DANH MỤC CÁC CHỈ TIÊU CỤ THỂ\n"
         "link: Ban hành kèm theo\ncolumns:\n";
  if (u.party)
    out << "  - {key: number, header: TT, width: 5}\n  - {key: name, header: Mục tiêu, width: 40}\n"
           "  - {key: \"target:2025\", header: Đến hết năm 2025, width: 14}\n"
           "  - {key: \"target:2030\", header: Đến hết năm 2030, width: 14}\n"
           "  - {key: lead, header: Cơ quan theo dõi, width: 16}\n";
  else
    out << "  - {key: number,   header: TT,               width: 5}\n  - {key: name,     header: Chỉ tiêu,         width: 34}\n"
           "  - {key: unit,     header: Đơn vị tính,      width: 9}\n  - {key: target,   header: Kết quả,          width: 13}\n"
           "  - {key: lead,     header: Cơ quan chủ trì,  width: 17}\n  - {key: partners, header: Cơ quan phối hợp, width: 20}\n";
  out << "groups:\n";
  static const std::array<const char*, 2> groups{"Đến năm 2030", "Tầm nhìn đến năm 2045"};
  int n = 0;
  for (int g = 0; g < 2; ++g) {
    out << "  - number: " << romanNumeral(g + 1) << "\n    title: " << groups[static_cast<size_t>(g)] << "\n    items:\n";
    const int count = g == 0 ? 15 : 10;
    for (int i = 0; i < count; ++i) {
      ++n;
      const int kind = rng.below(3);
      kinds.push_back(kind);
      const int pct = 5 * rng.between(8, 20);
      std::string target = kind == 0 ? "≥ " + std::to_string(pct) + "%" : kind == 1 ? "Đạt" : std::to_string(rng.between(2, 40));
      out << "      - number: \"" << n << "\"\n        name: ";
      folded(out, std::string(kind == 0 ? "Tỷ lệ " : kind == 1 ? "Hoàn thành " : "Số lượng ") + rng.pick(kObjects) + " " +
                      rng.pick(kQualifiers) + ".",
             10);
      if (u.party) {
        out << "        targets:\n          2025: " << quoted(kind == 0 ? "≥ " + std::to_string(pct / 2) + "%" : target)
            << "\n          2030: " << quoted(target) << "\n";
      } else {
        out << "        unit: " << quoted(kind == 0 ? "%" : kind == 1 ? "Đạt" : "Mô hình") << "\n        target: " << quoted(target)
            << "\n        partners: [\"Các cơ quan, đơn vị liên quan\"]\n";
      }
      out << "        lead: [" << rng.pick(codes) << "]\n";
    }
  }
}

void writePlan(std::ostream& out, const Unit& u, Rng& rng) {
  const std::string level = u.ward ? "phường" : "xã";
  const std::string unitName = level + " " + u.commune.text;
  out << "# Kế hoạch chuyển đổi số " << unitName << ", " << "tỉnh " << u.province.text
      << " (synthetic, vnplan synth; format: docs/input-format.md)\n";
  out << "document:\n  family: " << (u.party ? "party" : "state") << "\n  type: KH\n  issuer:\n";
  if (u.party) {
    out << "    parent: ĐẢNG BỘ TỈNH " << toUpper(u.province.text) << "\n    name:\n      - ĐẢNG ỦY " << toUpper(unitName)
        << "\n    symbol: ĐU\n    short_name: BTV Đảng ủy " << unitName << "\n";
  } else {
    out << "    parent: UBND TỈNH " << toUpper(u.province.text) << "\n    name:\n      - ỦY BAN NHÂN DÂN\n      - "
        << toUpper(unitName) << "\n    symbol: UBND\n    short_name: UBND " << unitName << "\n";
  }
  out << "  number: " << u.number << "\n  date:\n    day: " << u.date.day << "\n    month: " << u.date.month
      << "\n    year: " << u.date.year << "\n  place: " << u.commune.text << "\n  title: ";
  folded(out,
         std::string(u.party ? "hành động thực hiện" : "Thực hiện") +
             " Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới "
             "sáng tạo và chuyển đổi số quốc gia trên địa bàn " + unitName + " giai đoạn 2025 - 2030",
         4);
  out << "\npreamble:\n  - ";
  folded(out,
         "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và Kế hoạch của tỉnh " + u.province.text +
             " về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; căn cứ tình hình thực tế, " +
             (u.party ? "Ban Thường vụ Đảng ủy " : "Ủy ban nhân dân ") + unitName +
             " xây dựng Kế hoạch thực hiện với những nội dung sau:",
         4);
  out << "\nbody:\n";
  // I. Purpose and requirements.
  out << "  - number: I.\n    title: MỤC ĐÍCH, YÊU CẦU\n    content:\n      - number: \"1.\"\n        title: Mục đích\n"
         "        content:\n";
  for (int i = 0; i < 3; ++i) {
    out << "          - p: ";
    folded(out, paragraph(rng, 4) + (i == 0 ? "[^1]" : ""), 14);
  }
  out << "      - number: \"2.\"\n        title: Yêu cầu\n        content:\n";
  for (int i = 0; i < 5; ++i) {
    out << "          - item: ";
    folded(out, paragraph(rng, 2), 14);
  }
  // II. Tasks and solutions: the bulk of the text, one subsection per group of tasks.
  out << "  - number: II.\n    title: NHIỆM VỤ VÀ GIẢI PHÁP\n    content:\n";
  for (int g = 0; g < 5; ++g) {
    out << "      - number: \"" << g + 1 << ".\"\n        title: " << kSections[static_cast<size_t>(g)] << "\n        content:\n";
    for (int i = 0; i < 11; ++i) {
      out << "          - p: ";
      folded(out, paragraph(rng, 4 + rng.below(3)), 14);
    }
    for (int i = 0; i < 4; ++i) {
      out << "          - item: ";
      folded(out, paragraph(rng, 2), 14);
    }
  }
  out << "          - note: (Chi tiết tại Phụ lục II đính kèm)\n";
  // III. Organisation: one paragraph per agency.
  out << "  - number: III.\n    title: TỔ CHỨC THỰC HIỆN\n    content:\n";
  int k = 0;
  auto agency = [&](const char* name) {
    out << "      - number: \"" << ++k << ".\"\n        title: " << name << "\n        content:\n          - p: ";
    folded(out, paragraph(rng, 5), 14);
  };
  if (u.party)
    for (const auto& a : kPartyAgencies) agency(a.name);
  else
    for (const auto& a : kStateAgencies) agency(a.name);
  out << "\nfootnotes:\n  \"1\": ";
  folded(out, "Theo hướng dẫn của tỉnh " + u.province.text + " về chuyển đổi số cấp xã sau sắp xếp đơn vị hành chính năm 2025.", 4);
  out << "\nclosing:\n  - ";
  folded(out, "Trên đây là Kế hoạch thực hiện Nghị quyết số 57-NQ/TW trên địa bàn " + unitName +
                  "; các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao tổ chức triển khai thực hiện./.",
         4);
  out << "\nrecipients:\n  - " << (u.party ? "Ban Thường vụ Tỉnh ủy;" : "UBND tỉnh " + u.province.text + ";")
      << "\n  - Các cơ quan, đơn vị;\n  - \"Lưu: VT.\"\n\nsignature:\n  authority:\n";
  if (u.party)
    out << "    - T/M BAN THƯỜNG VỤ\n    - BÍ THƯ\n";
  else
    out << "    - TM. ỦY BAN NHÂN DÂN\n    - CHỦ TỊCH\n";
  const Name person = placeName(rng);
  static const std::array<const char*, 8> surnames{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"};
  out << "  name: " << rng.pick(surnames) << " " << person.text << "\n  status: signed\n\nagencies:\n";
  if (u.party)
    for (const auto& a : kPartyAgencies) out << "  - code: " << a.code << "\n    name: " << a.name << "\n";
  else
    for (const auto& a : kStateAgencies) out << "  - code: " << a.code << "\n    name: " << a.name << "\n";
  out << "\nindicators: !include indicators.yaml\ntasks: !include tasks.yaml\n";
}

CalendarDate addDays(const CalendarDate& d, long days) { return civilFromDays(daysFromCivil(d) + days); }

void writeProgress(std::ostream& out, const Unit& u, const ReportPeriod& period, const std::vector<int>& kinds, Rng& rng) {
  const DataRange range = dataRange(period);
  const CalendarDate asOf = addDays(range.last, -rng.below(10));
  const long from = daysFromCivil(u.date), to = daysFromCivil(asOf);
  out << "# Số liệu báo cáo " << period.label(Lang::Vi) << " (synthetic, vnplan synth; format: docs/progress-format.md)\n"
      << "period: " << period.key() << "\nas_of: " << formatDateVi(asOf) << "\n";
  for (const char* part : {"direction", "highlights", "shortcomings", "next_steps", "proposals"}) {
    out << "\n" << part << ":\n";
    for (int i = 0, n = 1 + rng.below(2); i < n; ++i) {
      out << "  - ";
      folded(out, paragraph(rng, 3), 4);
    }
  }
  out << "\ntasks:\n";
  for (int n = 1; n <= 50; ++n) {
    const int roll = rng.below(20);
    if (roll == 0) continue;  // not reported
    out << "  - number: \"" << n << "\"\n";
    if (roll <= 9 && to >= from) {
      out << "    status: hoàn thành\n    completed: " << formatDateVi(civilFromDays(from + rng.below(static_cast<int>(to - from + 1))))
          << "\n    result: ";
      folded(out, paragraph(rng, 1), 6);
    } else if (roll <= 16) {
      out << "    status: đang thực hiện\n";
    } else if (roll <= 18) {
      out << "    status: chưa thực hiện\n    difficulties: Chờ hướng dẫn của tỉnh.\n";
    } else {
      out << "    status: dừng/điều chỉnh\n    reason: Điều chỉnh theo mô hình chính quyền địa phương hai cấp.\n";
    }
  }
  out << "\nindicators:\n";
  for (size_t i = 0; i < kinds.size(); ++i) {
    if (rng.below(8) == 0) continue;  // no figure yet
    const int kind = kinds[i];
    std::string value = kind == 0   ? std::to_string(rng.between(30, 99)) + "," + std::to_string(rng.below(10)) + "%"
                        : kind == 1 ? (rng.below(3) ? "Đạt" : "Chưa đạt")
                                    : std::to_string(rng.between(0, 45));
    out << "  - {number: \"" << i + 1 << "\", value: " << quoted(value) << "}\n";
  }
}

void writeFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.flush();
  if (!out) throw fs::filesystem_error("vnplan synth", path, std::make_error_code(std::errc::io_error));
}

}  // namespace

std::vector<std::string> writeSynthCountry(const SynthOptions& o) {
  Rng names(o.seed ^ 0x6e616d6573ULL);
  std::array<Name, kSynthProvinces> provinces;
  for (auto& p : provinces) p = placeName(names);
  std::vector<std::string> dirs;
  int code = 0;
  for (long i = 0; i < o.units; ++i) {
    Unit u;
    // Communes in contiguous blocks per province (as the real codes run), at least one each.
    const size_t p = static_cast<size_t>(o.units >= kSynthProvinces ? i * kSynthProvinces / o.units : i % kSynthProvinces);
    u.provinceCode = kProvinceCodes[p];
    u.province = provinces[p];
    code += 1 + names.below(5);
    u.code = code;
    u.commune = placeName(names);
    // Each unit draws from its own stream, so a unit's files do not depend on the others'.
    Rng rng(o.seed * 0x9e3779b97f4a7c15ULL + static_cast<std::uint64_t>(i) + 1);
    u.ward = rng.below(5) == 0;
    u.party = i % 4 == 3;  // both families in every sample
    u.date = {2025, rng.between(2, 9), rng.between(1, 28)};
    u.number = rng.between(5, 250);

    const fs::path dir = fs::path(o.outDir) / (two(u.provinceCode) + "-" + u.province.slug) /
                         (five(u.code) + "-" + (u.ward ? "phuong-" : "xa-") + u.commune.slug);
    fs::create_directories(dir / "progress");
    std::ostringstream plan, tasks, indicators, progress;
    std::vector<int> kinds;
    writePlan(plan, u, rng);
    writeTasks(tasks, u, rng);
    writeIndicators(indicators, u, rng, kinds);
    writeProgress(progress, u, o.period, kinds, rng);
    writeFile(dir / "plan.yaml", plan.str());
    writeFile(dir / "tasks.yaml", tasks.str());
    writeFile(dir / "indicators.yaml", indicators.str());
    writeFile(dir / "progress" / (o.period.key() + ".yaml"), progress.str());
    dirs.push_back(dir.string());
  }
  return dirs;
}

}  // namespace vnplan
