//! The short forms people type for the names of government bodies: 工信局 for
//! 工业和信息化局, 发改委 for 发展和改革委员会. Search finds a body (and anything named
//! after it) by its short form as well as by its full name, without every site listing
//! them as aliases.
//!
//! Each pair is a part of a full name and what that part is shortened to. The list
//! holds the usual forms of city and county bodies and of their provincial
//! counterparts (厅 for 局); a site adds its own through `aliases` in the registries.
//! English names have a list of their own: the acronyms and other renderings foreign
//! readers know (NDRC, management committee).

/// Parts of full names and their usual short forms.
const SHORT_FORMS: &[(&str, &str)] = &[
    ("工业和信息化", "工信"),
    ("发展和改革委员会", "发改委"),
    ("发展和改革", "发改"),
    ("科学技术", "科技"),
    ("人力资源和社会保障", "人社"),
    ("住房和城乡建设", "住建"),
    ("自然资源和规划", "资规"),
    ("生态环境", "环保"),
    ("市场监督管理", "市场监管"),
    ("地方金融监督管理", "金融"),
    ("国有资产监督管理委员会", "国资委"),
    ("卫生健康委员会", "卫健委"),
    ("农业农村", "农业"),
    ("交通运输", "交通"),
    ("文化广电新闻出版旅游", "文广新旅"),
    ("文化广电旅游", "文广旅"),
    ("应急管理", "应急"),
    ("行政审批", "审批"),
    ("人民政府办公室", "政府办"),
    ("人民政府", "政府"),
    ("管理委员会", "管委会"),
    ("经济技术开发区", "经开区"),
    ("高新技术产业开发区", "高新区"),
    ("中国人民银行", "人行"),
];

/// The short forms of `name`: the name with each known part shortened (all parts at
/// once, then each alone), without the name itself. 赣州市工业和信息化局 gives
/// 赣州市工信局; 赣州市人民政府办公室 gives 赣州市政府办.
pub fn short_forms(name: &str) -> Vec<String> {
    let mut found: Vec<&(&str, &str)> = SHORT_FORMS
        .iter()
        .filter(|(full, _)| name.contains(full))
        .collect();
    // A part inside a longer one found (发展和改革 in 发展和改革委员会) is that one's.
    let longer: Vec<&str> = found.iter().map(|(full, _)| *full).collect();
    found.retain(|(full, _)| !longer.iter().any(|l| l != full && l.contains(full)));
    let mut out = Vec::new();
    let mut all = name.to_string();
    for (full, short) in &found {
        all = all.replace(full, short);
    }
    if all != name {
        out.push(all);
    }
    for (full, short) in &found {
        let one = name.replace(full, short);
        if !out.contains(&one) {
            out.push(one);
        }
    }
    out
}

/// Parts of English names of bodies and places, and the forms foreign readers type
/// for them: the acronyms of their national counterparts and the other usual
/// renderings. Matched in lower case.
const ENGLISH_FORMS: &[(&str, &[&str])] = &[
    ("development and reform", &["DRC", "NDRC"]),
    (
        "industry and information technology",
        &["MIIT", "industry and IT"],
    ),
    ("administrative committee", &["management committee"]),
    ("management committee", &["administrative committee"]),
    (
        "economic and technological development zone",
        &["ETDZ", "economic development zone"],
    ),
    (
        "high-tech industrial development zone",
        &["high-tech zone", "hi-tech zone"],
    ),
    ("high-tech zone", &["high-tech industrial development zone"]),
    (
        "state-owned assets supervision and administration",
        &["SASAC"],
    ),
    ("human resources and social security", &["HRSS"]),
    ("market supervision", &["AMR", "SAMR", "market regulation"]),
    ("market regulation", &["AMR", "SAMR", "market supervision"]),
    (
        "ecology and environment",
        &["environmental protection", "EPB"],
    ),
    ("science and technology", &["sci-tech", "MOST"]),
    ("financial affairs", &["finance office"]),
    (
        "administrative approval",
        &["administrative examination and approval"],
    ),
    ("big data", &["data bureau"]),
];

/// The other forms readers type for an English name of a body: Ganzhou Municipal
/// Development and Reform Commission is also found as DRC and NDRC.
pub fn english_short_forms(name: &str) -> Vec<String> {
    let lower = name.to_lowercase();
    ENGLISH_FORMS
        .iter()
        .filter(|(part, _)| lower.contains(part))
        .flat_map(|(_, forms)| forms.iter().map(|f| f.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{english_short_forms, short_forms};

    #[test]
    fn english_names_are_found_by_the_forms_foreign_readers_type() {
        let drc = english_short_forms("Ganzhou Municipal Development and Reform Commission");
        assert!(drc.contains(&"NDRC".to_string()) && drc.contains(&"DRC".to_string()));
        let committee = english_short_forms("Ganjiang New Area Administrative Committee");
        assert_eq!(committee, ["management committee"]);
        assert!(english_short_forms("Yichun Municipal Government").is_empty());
    }

    #[test]
    fn bodies_are_found_by_the_forms_people_type() {
        assert_eq!(short_forms("赣州市工业和信息化局"), ["赣州市工信局"]);
        assert_eq!(short_forms("江西省发展和改革委员会"), ["江西省发改委"]);
        assert_eq!(short_forms("赣州市人民政府办公室"), ["赣州市政府办"]);
        assert_eq!(short_forms("南康区发展和改革局"), ["南康区发改局"]);
        assert_eq!(
            short_forms("宜春市科学技术局、宜春市工业和信息化局"),
            [
                "宜春市科技局、宜春市工信局",
                "宜春市科学技术局、宜春市工信局",
                "宜春市科技局、宜春市工业和信息化局"
            ]
        );
        assert!(short_forms("稀土产业").is_empty());
    }
}
