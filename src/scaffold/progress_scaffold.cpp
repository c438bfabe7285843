#include "scaffold/progress_scaffold.h"

#include "model/placeholder.h"

namespace gongshi::scaffold {

std::string progress_text(const std::string& notice_id, int year) {
    const std::string todo(model::placeholder);
    return "# 进度通报（月度通报、季度反馈、督查通报）所报告的内容，一字不改地照录原文\n"
           "# What a progress notice reports, exactly as printed. The notice itself is notices/" + notice_id + ".md.\n"
           "notice: " + notice_id + "\n"
           "# 项目年度 / program year\n"
           "year: " + (year ? std::to_string(year) : todo) + "\n"
           "# 月度通报 | 季度反馈 | 督查通报 / monthly notice, quarterly feedback, inspection notice\n"
           "kind: 月度通报\n"
           "# 通报所反映的月份，YYYY-MM / the month it reports on\n"
           "month: " + todo + "\n"
           "# 原文“共N个项目”中的N（与下面所列项目数一致）；原文没有则删去 / the count printed; else delete\n"
           "declared: 1\n"
           "# 逐个项目的进度；通报只有各市数字时删去 / per project; delete if the notice gives only city figures\n"
           "projects:\n"
           "  # 项目id（projects/<城市>/<id>.yaml） / project id\n"
           "  - project: " + todo + "\n"
           "    # 选址确定 | 开工 | 主体完工 | 竣工 | 运营 / the stage reached\n"
           "    stage: 开工\n"
           "    # 原文写明具体日期时填 YYYY-MM-DD，否则删去 / the day, if printed; else delete\n"
           "    # date: 2023-05-20\n"
           "    # 原文对该项目进度的表述 / the notice's words about it\n"
           "    printed: " + todo + "\n"
           "    # 原文指出的问题；没有则删去 / a problem the notice names; else delete\n"
           "    # problem: …\n"
           "    # 阶段早于以前通报所列时，写明原因 / why, if the stage is earlier than a previous notice's\n"
           "    # note: …\n"
           "# 各市各阶段项目数；通报没有则删去 / per city: projects per stage; delete if not printed\n"
           "# cities:\n"
           "#   - city: taiyuan          # 城市id（cities.yaml） / city id\n"
           "#     declared: 10           # 原文该市项目总数，须等于各阶段之和 / the city's total, = the stages' sum\n"
           "#     stages:\n"
           "#       - stage: 开工\n"
           "#         count: 10\n"
           "#     problem: …             # 原文指出的问题 / a problem the notice names\n"
           "# true：暂不发布 / true keeps it unpublished\n"
           "draft: false\n";
}

}  // namespace gongshi::scaffold
