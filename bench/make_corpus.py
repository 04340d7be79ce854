"""Generate a realistic synthetic corpus of inspection (巡视/巡察) news as JSON Lines.

Usage::

    python bench/make_corpus.py -n 10000 -o /tmp/corpus-10k.jsonl --seed 1

Every article is written from templates in the sentence patterns of the reporting
(stationing announcements, feedback meetings, surrenders and investigations during an
inspection, yearly statistics), about committees at every level (the Central Committee,
the 31 provinces, prefectures and counties, with real names and codes from
:mod:`kg.regions`), their rounds and teams, the organisations inspected, officials with
random names from common surnames, and figures. The same ``--seed`` gives the same file.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Committee", "committees", "generate", "main"]

_DIGITS = "零一二三四五六七八九"
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽"  # noqa: E501
PROVINCE_DEPTS = (
    "发展和改革委员会",
    "教育厅",
    "科学技术厅",
    "工业和信息化厅",
    "民政厅",
    "司法厅",
    "财政厅",
    "人力资源和社会保障厅",
    "自然资源厅",
    "生态环境厅",
    "住房和城乡建设厅",
    "交通运输厅",
    "水利厅",
    "农业农村厅",
    "商务厅",
    "文化和旅游厅",
    "卫生健康委员会",
    "应急管理厅",
    "审计厅",
    "市场监督管理局",
    "统计局",
    "医疗保障局",
    "林业局",
    "体育局",
    "地方金融监督管理局",
    "人民防空办公室",
    "机关事务管理局",
    "供销合作社联合社",
    "总工会",
    "妇女联合会",
)
CITY_DEPTS = (
    "发展和改革局",
    "教育局",
    "公安局",
    "民政局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源和规划局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "卫生健康局",
    "应急管理局",
    "审计局",
    "市场监督管理局",
    "城市管理局",
    "医疗保障局",
    "行政审批服务局",
    "退役军人事务局",
    "统计局",
    "人民医院",
    "中医院",
)
COMPANIES = (
    "交通投资集团有限公司",
    "能源集团有限公司",
    "国有资本运营有限公司",
    "城市建设投资集团有限公司",
    "水务集团有限公司",
)
TOWN_SUFFIX = ("镇", "乡", "街道")
VILLAGE_STEMS = "东西南北上下前后新老大小石山河塘桥湾坑岭头口沙田林溪港"
POSITIONS = (
    "党组书记、局长",
    "副局长",
    "党委书记",
    "原党组成员、副主任",
    "总经理",
    "副县长",
    "党委副书记",
    "处长",
    "科长",
)
MEASURES = (
    ("发现问题", "个"),
    ("移交问题线索", "条"),
    ("受理信访举报", "件"),
    ("开展个别谈话", "人次"),
    ("党纪政务处分", "人"),
    ("移送司法机关", "人"),
)
_CENTRAL_ORGS = (
    "国家体育总局",
    "中国科学院",
    "国家民族事务委员会",
    "文化和旅游部",
    "国家广播电视总局",
    "中国社会科学院",
    "中华全国总工会",
    "国家文物局",
    "水利部",
    "交通运输部",
    "中国农业发展银行",
    "国家能源投资集团有限责任公司",
)


def cn_number(n: int) -> str:
    """A number from 1 to 99 in Chinese numerals, as ordinals are written (十四, 二十一)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


@dataclass(frozen=True)
class Committee:
    """A party committee that runs inspections: its names, level, the terms it is in, and where it is."""

    full: str
    """``中共浙江省委``."""
    short: str
    """How the reporting calls it: ``省委``, ``浙江省委``, ``中央``."""
    level: str
    scheme: str
    terms: tuple[int, ...]
    place: str
    """Name of its region (empty for the centre)."""
    code: str


def _divisions() -> list[object]:
    from kg import regions

    codes = sorted({c for cs in regions.names().values() for c in cs})
    return [regions.get(c) for c in codes]


def committees() -> list[Committee]:
    """The centre, every province, prefecture and county, as committees (real names and codes)."""
    out = [Committee("中共中央", "中央", "central", "巡视", (18, 19, 20), "", "000000")]
    for d in _divisions():
        name, level, code = d.name, d.level, d.code  # type: ignore[attr-defined]
        if level == "province":
            if name.endswith("自治区"):
                stem = name[:3] if name.startswith("内蒙古") else name[:2]
                full, short = f"中共{name}委员会", f"{stem}自治区党委"
            elif name.endswith("市"):
                full, short = f"中共{name}委", f"{name}委"
            else:
                full, short = f"中共{name}委", f"{name[:-1]}省委"
            out.append(Committee(full, short, level, "巡视", (10, 11, 12, 13, 14, 15), name, code))
        elif level == "prefecture":
            suffix = "委" if name.endswith(("市", "州", "盟")) else "地委"
            out.append(
                Committee(
                    f"中共{name}{suffix}", f"{name}{suffix}", level, "巡察", (6, 7, 8, 9, 10), name, code
                )
            )
        elif level == "county":
            out.append(
                Committee(f"中共{name}委", f"{name}委", level, "巡察", (11, 12, 13, 14, 15), name, code)
            )
    return out


class _Writer:
    def __init__(self, rng: random.Random, pool: list[Committee]) -> None:
        self.rng = rng
        self.pool = pool
        self.by_level: dict[str, list[Committee]] = {}
        for c in pool:
            self.by_level.setdefault(c.level, []).append(c)

    def committee(self) -> Committee:
        level = self.rng.choices(("central", "province", "prefecture", "county"), (1, 4, 3, 3))[0]
        return self.rng.choice(self.by_level[level])

    def person(self) -> str:
        r = self.rng
        return r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2, 2))))

    def target(self, c: Committee) -> str:
        r = self.rng
        if c.level == "central":
            return r.choice(_CENTRAL_ORGS)
        if c.level == "province":
            pick = r.random()
            if pick < 0.7:
                return f"{c.place}{r.choice(PROVINCE_DEPTS)}"
            if pick < 0.85:
                return f"{c.place.removesuffix('省')}{r.choice(COMPANIES)}"
            return r.choice(
                [d.full[2:-1] for d in self.by_level["prefecture"] if d.code[:2] == c.code[:2]] or [c.place]
            )
        if c.level == "prefecture":
            return f"{c.place}{r.choice(CITY_DEPTS)}"
        town = "".join(r.choice(GIVEN) for _ in range(2)) + r.choice(TOWN_SUFFIX)
        if r.random() < 0.5:
            return f"{c.place}{r.choice(CITY_DEPTS)}"
        return f"{town}{r.choice(VILLAGE_STEMS)}{r.choice(VILLAGE_STEMS)}村"

    def date(self) -> tuple[int, int, int]:
        r = self.rng
        return r.randint(2014, 2024), r.randint(1, 12), r.randint(1, 28)

    def article(self, n: int) -> dict[str, object]:
        r = self.rng
        c = self.committee()
        y, m, d = self.date()
        term = r.choice(c.terms)
        rnd = r.randint(1, 12)
        scheme = c.scheme
        kind = r.choices(("station", "feedback", "event", "stats"), (4, 3, 2, 2))[0]
        parts = getattr(self, f"_{kind}")(c, term, rnd, scheme, y, m, d)
        title, body = parts
        publisher = f"{c.place}日报" if c.place else r.choice(("人民日报", "新华社", "中央纪委国家监委网站"))
        return {
            "id": f"syn-{n:07d}",
            "title": title,
            "text": body,
            "date": f"{y:04d}-{m:02d}-{d:02d}",
            "source": publisher,
            "url": f"https://example.org/news/{y}/{n:07d}.html",
        }

    def _round_name(self, c: Committee, term: int, rnd: int, scheme: str) -> str:
        return f"{cn_number(term)}届{c.short}第{cn_number(rnd)}轮{scheme}"

    def _station(
        self, c: Committee, term: int, rnd: int, scheme: str, y: int, m: int, d: int
    ) -> tuple[str, str]:
        r = self.rng
        teams = r.randint(3, 15)
        targets = list(dict.fromkeys(self.target(c) for _ in range(r.randint(2, 8))))
        round_name = self._round_name(c, term, rnd, scheme)
        lines = [
            f"根据{c.short}关于{scheme}工作的统一部署,{round_name}{teams}个{scheme}组于{m}月{d}日起陆续进驻,"
            f"对{'、'.join(targets)}等{len(targets)}个单位党组织开展为期约"
            f"{r.choice(('两个月', '一个半月', '45天'))}的常规{scheme}。",
        ]
        for k, target in enumerate(targets[:4], 1):
            team = cn_number(r.randint(1, teams))
            lines.append(
                f"{c.short}第{team}{scheme}组组长{self.person()}、副组长{self.person()}进驻{target},"
                f"召开{scheme}工作动员会。"
            )
            if k == 2:
                lines.append(f"{target}党组书记{self.person()}主持会议并作表态发言。")
        lines.append(
            f"{scheme}期间,各{scheme}组设立专门值班电话和邮政信箱,主要受理反映被{scheme}党组织领导班子及其成员"
            f"问题的来信来电来访,重点是违反政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律和生活纪律等方面的举报和反映。"
        )
        return f"{round_name}完成进驻", "\n".join(lines)

    def _feedback(
        self, c: Committee, term: int, rnd: int, scheme: str, y: int, m: int, d: int
    ) -> tuple[str, str]:
        r = self.rng
        target = self.target(c)
        team = cn_number(r.randint(1, 15))
        leader, head = self.person(), self.person()
        round_name = self._round_name(c, term, rnd, scheme)
        problems, clues = r.randint(12, 260), r.randint(2, 40)
        lines = [
            f"根据{c.short}统一部署,{m}月{d}日,{c.short}第{team}{scheme}组向{target}党组反馈{scheme}情况。",
            f"会议传达了{c.short}书记{self.person()}在听取{round_name}情况汇报时的讲话精神,"
            f"{c.short}第{team}{scheme}组组长{leader}向{target}党组书记{head}反馈了{scheme}意见。",
            f"{leader}指出,{scheme}组共发现问题{problems}个,收到反映领导干部问题线索{clues}条,已按规定转交有关部门处理。",
            f"{head}表示,诚恳接受{scheme}组反馈意见,切实做好{scheme}整改“后半篇文章”。",
        ]
        if r.random() < 0.5:
            lines.append(
                f"截至目前,已整改到位问题{r.randint(5, problems)}个,"
                f"整改率{r.randint(60, 99)}.{r.randint(0, 9)}%。"
            )
        return f"{c.short}第{team}{scheme}组向{target}反馈{scheme}情况", "\n".join(lines)

    def _event(
        self, c: Committee, term: int, rnd: int, scheme: str, y: int, m: int, d: int
    ) -> tuple[str, str]:
        r = self.rng
        target = self.target(c)
        name = self.person()
        position = r.choice(POSITIONS)
        round_name = self._round_name(c, term, rnd, scheme)
        what = r.choice(
            (
                f"{target}{position}{name}主动投案",
                f"{target}{position}{name}涉嫌严重违纪违法,目前正接受纪律审查和监察调查",
                f"{target}{position}{name}被立案审查调查",
            )
        )
        whole = "省" if c.level == "province" else "市"
        lines = [
            f"近日,在{round_name}进驻{target}期间,{what}。",
            f"在{scheme}的强大震慑下,{y}年以来,"
            f"全{whole}已有{r.randint(10, 400)}人到各级纪检监察机关主动投案。",
        ]
        if r.random() < 0.5:
            lines.append(f"{name}曾任{self.target(c)}{r.choice(POSITIONS)}。")
        return f"{name}{'主动投案' if '投案' in what else '接受审查调查'}", "\n".join(lines)

    def _stats(
        self, c: Committee, term: int, rnd: int, scheme: str, y: int, m: int, d: int
    ) -> tuple[str, str]:
        r = self.rng
        rounds = r.randint(2, 4)
        units = r.randint(20, 180)
        lines = [
            f"据了解,{y}年{c.short}已开展{rounds}轮{scheme},{scheme}{units}个地区(单位)党组织。",
        ]
        figures = r.sample(MEASURES, r.randint(2, 4))
        sentence = ",".join(f"{label}{r.randint(10, 9000)}{unit}" for label, unit in figures)
        lines.append(
            f"{y}年,全{'省' if c.level == 'province' else '市'}各级{scheme}机构"
            f"共{scheme}党组织{units}个,{sentence}。"
        )
        lines.append(f"截至目前,本届{c.short}{scheme}全覆盖工作任务已过半,总覆盖率达{r.randint(30, 95)}%。")
        return f"{y}年{c.place or '中央'}{scheme}工作综述", "\n".join(lines)


def generate(n: int, seed: int = 0) -> Iterator[dict[str, object]]:
    """``n`` synthetic articles (JSON-ready dictionaries), the same for the same ``seed``."""
    writer = _Writer(random.Random(seed), committees())
    for i in range(n):
        yield writer.article(i)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``-n N -o FILE.jsonl [--seed S]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-n", type=int, required=True, help="number of articles")
    parser.add_argument("-o", "--output", required=True, help="JSON Lines file to write (- for stdout)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    out = sys.stdout if args.output == "-" else Path(args.output).open("w", encoding="utf-8")  # noqa: SIM115
    try:
        for record in generate(args.n, args.seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
