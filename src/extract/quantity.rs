//! Figures with units, as plans write them: 1.3万亿元, 5000亿元, 300万平方米, 3-5家,
//! 2—3个, 55%, 一万户, 三个, 2个百分点, 400万元/亩.

use std::sync::LazyLock;

use regex::Regex;

use super::text::last_chars;
use crate::content::MeasureUnit;

/// A figure found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte range of the figure and its unit in the sentence.
    pub start: usize,
    pub end: usize,
    /// The figure in `unit` (or the bottom of a range).
    pub value: f64,
    /// The top of a range (3-5家).
    pub high: Option<f64>,
    pub unit: MeasureUnit,
    /// False when the unit had to be guessed (a bare 个, a share without its %).
    pub unit_sure: bool,
    /// True when the figure was written in Chinese numerals.
    pub chinese: bool,
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<num>\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)
        (?:\s*[-—–~～至到]\s*(?P<num2>\d+(?:\.\d+)?|[一二两三四五六七八九十]+))?
        (?P<mult>万亿|亿|万)?
        (?P<unit>元/亩|元|平方公里|平方米|亩|家|户|个百分点|个|项|人次|人|位|名|场|次|支|座|条|件|所|处|台|套|期|届|批|强|%)?",
    )
    .expect("valid regex")
});

/// The value of a number in Chinese numerals (十二, 三百, 两千). 万 and 亿 are read as
/// multipliers by the figure's pattern, not here. Two digits in a row (三五家, "three
/// or five") are not one number: `None`.
pub fn chinese_number(s: &str) -> Option<f64> {
    let digit = |c| match c {
        '零' => Some(0.0),
        '一' => Some(1.0),
        '二' | '两' => Some(2.0),
        '三' => Some(3.0),
        '四' => Some(4.0),
        '五' => Some(5.0),
        '六' => Some(6.0),
        '七' => Some(7.0),
        '八' => Some(8.0),
        '九' => Some(9.0),
        _ => None,
    };
    let mut total = 0.0;
    let mut current = 0.0;
    let mut seen = false;
    let mut after_digit = false;
    for c in s.chars() {
        if let Some(d) = digit(c) {
            if after_digit {
                return None;
            }
            current = d;
            seen = true;
            after_digit = true;
            continue;
        }
        after_digit = false;
        let scale = match c {
            '十' => 10.0,
            '百' => 100.0,
            '千' => 1000.0,
            _ => return None,
        };
        if current == 0.0 {
            current = 1.0;
        }
        total += current * scale;
        current = 0.0;
        seen = true;
    }
    seen.then_some(total + current)
}

fn number(s: &str) -> Option<(f64, bool)> {
    match s.parse::<f64>() {
        Ok(v) => Some((v, false)),
        Err(_) => chinese_number(s).map(|v| (v, true)),
    }
}

/// Nouns that say what a count counts, and the unit they give it.
const COUNTED: &[(&str, MeasureUnit)] = &[
    ("项目", MeasureUnit::Projects),
    ("平台", MeasureUnit::Platforms),
    ("中心", MeasureUnit::Platforms),
    ("载体", MeasureUnit::Platforms),
    ("实验室", MeasureUnit::Platforms),
    ("研究院", MeasureUnit::Platforms),
    ("基地", MeasureUnit::Platforms),
    ("开发区", MeasureUnit::Zones),
    ("景区", MeasureUnit::Zones),
    ("工厂", MeasureUnit::Items),
    ("车间", MeasureUnit::Items),
    ("数据集", MeasureUnit::Items),
    ("集聚区", MeasureUnit::Zones),
    ("研发机构", MeasureUnit::Platforms),
    ("学院", MeasureUnit::Platforms),
    ("孵化器", MeasureUnit::Platforms),
    ("众创空间", MeasureUnit::Platforms),
    ("街区", MeasureUnit::Zones),
    ("重点村", MeasureUnit::Zones),
    ("小镇", MeasureUnit::Zones),
    ("园区", MeasureUnit::Zones),
    ("试验区", MeasureUnit::Zones),
    ("县", MeasureUnit::Zones),
    ("设区市", MeasureUnit::Zones),
    ("产业集群", MeasureUnit::Clusters),
    ("集群", MeasureUnit::Clusters),
    ("产业", MeasureUnit::Industries),
    ("企业", MeasureUnit::Firms),
    ("公司", MeasureUnit::Firms),
    ("团队", MeasureUnit::Teams),
    ("人才", MeasureUnit::People),
];

/// A bracketed aside: (平台), (含新能源汽车).
static BRACKETED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\([^()]*\)").expect("valid regex"));

/// The counted noun that ends latest in `phrase`: Chinese puts the head noun last
/// (投资超50亿元的产业项目 counts projects).
pub(super) fn head_noun(phrase: &str) -> Option<MeasureUnit> {
    // "示范企业(平台)": what a bracket adds is not the head.
    let unbracketed;
    let phrase = if phrase.contains('(') {
        unbracketed = BRACKETED.replace_all(phrase, "");
        unbracketed.as_ref()
    } else {
        phrase
    };
    COUNTED
        .iter()
        .filter_map(|(noun, unit)| phrase.rfind(noun).map(|at| (at + noun.len(), *unit)))
        .max_by_key(|(end, _)| *end)
        .map(|(_, unit)| unit)
}

/// The words after a figure up to the next punctuation.
fn phrase_after(after: &str) -> &str {
    let end = after
        .find([',', '，', '。', '；', ';', '、', ':'])
        .unwrap_or(after.len());
    &after[..end]
}

/// What a bare 个 counts: the noun after it (3个项目), or else the one before it
/// (新增项目3个). A guess when neither names one.
pub fn counter_unit(after: &str, before: &str) -> (MeasureUnit, bool) {
    if let Some(unit) = head_noun(phrase_after(after)) {
        return (unit, true);
    }
    match head_noun(last_chars(before, 16)) {
        Some(unit) => (unit, true),
        None => (MeasureUnit::Items, false),
    }
}

/// The unit of a count written with `counter` (家, 个, 项…), and whether it is sure.
fn count_unit(counter: &str, after: &str, before: &str) -> Option<(MeasureUnit, bool)> {
    Some(match counter {
        "家" | "户" => (firms_or_other(after, before), true),
        "个" => counter_unit(after, before),
        // 项 counts projects when the noun says so (技术改造项目30项).
        "项" => match counter_unit(after, before) {
            (MeasureUnit::Projects, true) => (MeasureUnit::Projects, true),
            _ => (MeasureUnit::Items, true),
        },
        "件" | "台" | "套" => (MeasureUnit::Items, true),
        // 座, 条, 处 count what the noun names (景区, 线路). Not 所: "706所" names an
        // institute.
        "座" | "条" | "处" => match counter_unit(after, before) {
            (unit, true) => (unit, true),
            (_, false) => (MeasureUnit::Items, true),
        },
        "名" | "位" if before.ends_with('前') => (MeasureUnit::Place, true),
        "人" | "位" | "名" | "人次" => (MeasureUnit::People, true),
        "期" | "届" | "批" => (MeasureUnit::Events, true),
        // 学院5所 counts colleges; 706所 names an institute.
        "所" => match counter_unit(after, before) {
            (unit, true) => (unit, true),
            (_, false) => return None,
        },
        "场" | "次" => (MeasureUnit::Events, true),
        "支" => (MeasureUnit::Teams, true),
        _ => return None,
    })
}

/// What 家 counts: firms, unless the words name platforms or parks (新增国家级科创
/// 平台2家, 创建省级工业设计中心5家).
fn firms_or_other(after: &str, before: &str) -> MeasureUnit {
    let noun = head_noun(phrase_after(after)).or_else(|| head_noun(last_chars(before, 16)));
    match noun {
        Some(u @ (MeasureUnit::Platforms | MeasureUnit::Zones)) => u,
        _ => MeasureUnit::Firms,
    }
}

/// A figure written without a unit that still is one: 200亿 for 200亿元, and the
/// shares and ratios whose percent sign or unit a captured page lost (比例达65以上,
/// 容积率不低于1.5).
fn without_unit(caps: &regex::Captures, before: &str, after: &str) -> Option<Quantity> {
    let whole = caps.get(0)?;
    let (value, chinese) = number(&caps["num"])?;
    let quantity = |unit, unit_sure| Quantity {
        start: whole.start(),
        end: whole.end(),
        value,
        high: None,
        unit,
        unit_sure,
        chinese,
    };
    let mult = caps.name("mult").map(|m| m.as_str());
    // 1.2亿美元: a foreign currency, which no unit of the content model states.
    if ["美元", "港元", "欧元", "日元", "英镑"]
        .iter()
        .any(|c| after.starts_with(c))
    {
        return None;
    }
    // 百亿大健康产业集群, 引进百亿、“5020”项目: a scale in Chinese numerals names a
    // class of things; only after a verb of degree (突破千亿, 迈上千亿) is it a figure.
    const DEGREE: &[&str] = &[
        "突破", "达到", "超过", "超", "过", "迈上", "跨上", "实现", "达",
    ];
    if chinese && mult.is_some() && !DEGREE.iter().any(|w| before.ends_with(w)) {
        return None;
    }
    // 200亿 and 1.5万亿 stand for 亿元 and 万亿元 ("完成工业投资200亿以上").
    match mult {
        Some("亿") => return Some(quantity(MeasureUnit::YiYuan, true)),
        Some("万亿") => {
            let mut q = quantity(MeasureUnit::YiYuan, true);
            q.value *= 10_000.0;
            return Some(q);
        }
        _ => {}
    }
    if mult.is_some() || chinese || caps.name("num2").is_some() || before.ends_with(['第', '前'])
    {
        return None;
    }
    let near = last_chars(before, 14);
    let stated = [
        "达",
        "达到",
        "不低于",
        "不少于",
        "提升至",
        "提高到",
        "提高至",
        "保持在",
        "超过",
    ]
    .iter()
    .any(|w| before.ends_with(w))
        || ["以上", "左右", "以内"]
            .iter()
            .any(|w| after.starts_with(w));
    if !stated || after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '.') {
        return None;
    }
    if near.contains("容积率") {
        Some(quantity(MeasureUnit::Ratio, true))
    } else if ["比例", "占比", "比重", "率"]
        .iter()
        .any(|w| near.contains(w))
        && value <= 100.0
    {
        Some(quantity(MeasureUnit::Percent, false))
    } else {
        None
    }
}

/// Every figure with a unit in `sentence`. Years (2021年), ordinals (第二), figures
/// glued to letters (5G) and figures without a unit are not quantities.
pub fn find(sentence: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    for caps in NUMBER.captures_iter(sentence) {
        let whole = caps.get(0).expect("match");
        let before = &sentence[..whole.start()];
        let after = &sentence[whole.end()..];
        let Some(unit_text) = caps.name("unit").map(|m| m.as_str()) else {
            out.extend(without_unit(&caps, before, after));
            continue;
        };
        let num_text = &caps["num"];
        let chinese = num_text.parse::<f64>().is_err();
        if is_no_figure(unit_text, chinese, before, after) {
            continue;
        }
        let Some((value, _)) = number(num_text) else {
            continue;
        };
        let high = caps
            .name("num2")
            .and_then(|m| number(m.as_str()))
            .map(|(v, _)| v);
        let mult = caps.name("mult").map_or("", |m| m.as_str());
        let Some(read) = with_unit(mult, unit_text, before, after) else {
            continue;
        };
        out.push(Quantity {
            start: whole.start(),
            end: whole.end(),
            value: value * read.scale,
            high: high.map(|h| h * read.scale),
            unit: read.unit,
            unit_sure: read.sure,
            chinese,
        });
    }
    out
}

/// Whether a number written with `unit_text` is no figure at all: a session's number
/// (十四届十三次全会), an ordinal (第二个), a code (5G), a date (3月), or a ranking of
/// others (500强企业).
fn is_no_figure(unit_text: &str, chinese: bool, before: &str, after: &str) -> bool {
    let chinese_ok = matches!(
        unit_text,
        "个" | "家" | "户" | "项" | "位" | "人" | "次" | "场" | "支" | "强"
    );
    let session =
        unit_text == "次" && (before.ends_with(['届', '、']) || after.starts_with("全会"));
    // 人才新政30条: the articles of a policy, not a count of anything to reach.
    let articles = unit_text == "条"
        && ["政", "策", "措施", "意见", "办法", "规定"]
            .iter()
            .any(|w| before.ends_with(w));
    session
        || articles
        || before.ends_with('第')
        // 前三位 and 排名前10位的园区 rank others, and so does 3个开发区进入前20名;
        // 实力进入全国前30名 is a place's own goal.
        || (before.ends_with('前')
            && (!matches!(unit_text, "名" | "位")
                || after.starts_with('的')
                || super::subject::last_phrase(before).contains(|c: char| c.is_ascii_digit())))
        || before.ends_with(|c: char| c.is_ascii_alphabetic())
        || after.starts_with(['年', '月', '日', '号', '性'])
        || (chinese && !chinese_ok)
        // "500强企业" ranks others; "五十强市" is the place's own goal.
        || (unit_text == "强" && !after.starts_with(['市', '县', '区', '城']))
}

/// A figure's unit, read from its multiplier (万, 亿) and unit words.
struct Unit {
    unit: MeasureUnit,
    sure: bool,
    /// What the written number is multiplied by to be in `unit` (1.3万亿元 is 13000亿元).
    scale: f64,
}

/// The unit of a figure written with the multiplier `mult` and the unit `unit_text`;
/// `None` when the two make no unit (a count in 万亿).
fn with_unit(mult: &str, unit_text: &str, before: &str, after: &str) -> Option<Unit> {
    let sure = |unit| Unit {
        unit,
        sure: true,
        scale: 1.0,
    };
    Some(match (mult, unit_text) {
        ("万亿", "元") => Unit {
            scale: 10_000.0,
            ..sure(MeasureUnit::YiYuan)
        },
        ("亿", "元") => sure(MeasureUnit::YiYuan),
        ("万", "元/亩") => sure(MeasureUnit::WanYuanPerMu),
        ("万", "元") if last_chars(before, 12).contains("亩") => sure(MeasureUnit::WanYuanPerMu),
        ("万", "元") => sure(MeasureUnit::WanYuan),
        ("万", "平方米") => sure(MeasureUnit::WanM2),
        ("", "平方公里") => Unit {
            scale: 100.0,
            ..sure(MeasureUnit::WanM2)
        },
        ("", "亩") => sure(MeasureUnit::Mu),
        ("", "%") => sure(MeasureUnit::Percent),
        ("", "个百分点") => sure(MeasureUnit::PercentagePoints),
        ("", "强") => sure(MeasureUnit::Place),
        // Counts: 万 and 亿 multiply them (1万户, 新增就业2万人).
        (m, counter) => {
            let (unit, sure) = count_unit(counter, after, before)?;
            let scale = match m {
                "" => 1.0,
                "万" => 1e4,
                "亿" => 1e8,
                _ => return None,
            };
            Unit { unit, sure, scale }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(s: &str) -> Quantity {
        find(s)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no quantity in {s}"))
    }

    #[test]
    fn money_in_yi_and_wan_yi() {
        assert_eq!(first("收入达到1.3万亿元").value, 13_000.0);
        assert_eq!(first("营业收入突破6000亿元").value, 6000.0);
        assert_eq!(first("规模达到3万亿元").unit, MeasureUnit::YiYuan);
        assert_eq!(first("投资150亿以上").value, 150.0);
        let per_mu = first("亩均投资强度超350万元");
        assert_eq!(
            (per_mu.value, per_mu.unit),
            (350.0, MeasureUnit::WanYuanPerMu)
        );
    }

    #[test]
    fn areas_ranges_and_counts() {
        let area = first("新建标准厂房250万平方米");
        assert_eq!((area.value, area.unit), (250.0, MeasureUnit::WanM2));
        let range = first("推动3-5家企业上市");
        assert_eq!(
            (range.value, range.high, range.unit),
            (3.0, Some(5.0), MeasureUnit::Firms)
        );
        let dash = first("新增国家级平台2—3个");
        assert_eq!((dash.value, dash.high), (2.0, Some(3.0)));
        assert_eq!(dash.unit, MeasureUnit::Platforms);
        let households = first("培育中小企业一万户以上");
        assert_eq!(
            (households.value, households.unit),
            (10_000.0, MeasureUnit::Firms)
        );
        let clusters = first("新培育三个千亿级产业集群");
        assert_eq!(
            (clusters.value, clusters.unit),
            (3.0, MeasureUnit::Clusters)
        );
    }

    #[test]
    fn lost_percent_signs_and_bare_ratios() {
        let share = first("应届毕业生留本地就业比例达65以上");
        assert_eq!(
            (share.value, share.unit, share.unit_sure),
            (65.0, MeasureUnit::Percent, false)
        );
        assert_eq!(first("新建厂房容积率不低于1.5").unit, MeasureUnit::Ratio);
        assert!(find("评选排名前10位的园区").is_empty());
        assert!(find("举办第八届博览会").is_empty());
    }

    #[test]
    fn rankings_of_the_place_itself() {
        let rank = first("跻身“全国工业百强县”");
        assert_eq!((rank.value, rank.unit), (100.0, MeasureUnit::Place));
        assert!(
            find("对接“世界500强”等企业")
                .iter()
                .all(|q| q.unit != MeasureUnit::Place)
        );
    }

    #[test]
    fn percent_and_points() {
        assert_eq!(first("占比达到55%").unit, MeasureUnit::Percent);
        assert_eq!(first("提升2个百分点").unit, MeasureUnit::PercentagePoints);
    }

    #[test]
    fn years_ordinals_and_codes_are_not_quantities() {
        assert!(find("到2026年").is_empty());
        assert!(find("第二个").is_empty());
        assert!(find("推进5G网络").is_empty());
        assert!(find("一批企业").is_empty());
    }

    #[test]
    fn multipliers_scale_every_count() {
        let jobs = first("新增就业2万人");
        assert_eq!((jobs.value, jobs.unit), (20_000.0, MeasureUnit::People));
        assert_eq!(first("规模达到2.5万亿以上").value, 25_000.0);
        assert!(find("培育三五家龙头").is_empty());
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese_number("十二"), Some(12.0));
        assert_eq!(chinese_number("三百"), Some(300.0));
        assert_eq!(chinese_number("一"), Some(1.0));
        assert_eq!(chinese_number("批"), None);
    }
}
