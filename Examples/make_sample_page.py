#!/usr/bin/env python3
# Regenerates BOTH Examples/sample-page.txt (the page form of the summary text
# format) and Examples/sample-page.expected.json (its exact expected reading,
# used as a test oracle) from the hand-written episode data below, so the two
# files agree by construction. Run: python3 Examples/make_sample_page.py
#
# All shows, people and episodes here are invented for Quire's examples.

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

PREAMBLE = [
    "EarmarkListen once, remember twice.",
    "Browse channels",
]

# A chapter is (timestamp, heading, parts, en_dash). parts is a list of body
# strings and quotes; a quote is a dict built by Q() below.
#   time style "block": followed by a `> *[M, S]*` block
#   time style "trail": `[MM:SS]` closes the quote text
#   time style None:    no time
#   wrap: '"' (straight), '“”' (curly) or '' (no wrapping quotes)


def Q(text, block=None, trail=None, wrap='"'):
    return {"text": text, "block": block, "trail": trail, "wrap": wrap}


def C(timestamp, heading, *parts, dash=False):
    return {"timestamp": timestamp, "heading": heading, "parts": list(parts), "dash": dash}


# An entity is (name, type, description, tight).
def E(name, type_, description, tight=False):
    return {"name": name, "type": type_, "description": description, "tight": tight}


EPISODES = [
    # 1 — English, cooking science, title-case headings, en dash, link, bold.
    {
        "title": "Why Your Sourdough Sulks in Winter",
        "overview": (
            "Food chemist Priya Raman joins Tom Kettering on The Proving Drawer to explain why the same "
            "starter that roared all summer goes quiet when the heating comes on. They cover the tug of war "
            "between wild yeast and bacteria, a simple rule for adjusting proofing times, and which kitchen "
            "hacks actually help. Priya's [starter temperature log](https://example.org/proving-drawer/starter-log) "
            "is linked for listeners who want to follow along."
        ),
        "chapters": [
            C("00:00", "Cold Kitchens, Slow Starters",
              "Tom opens with a listener letter from Duluth: a starter that doubled in six hours all summer now "
              "barely rises in twelve. Priya says nothing is wrong with the culture; the kitchen simply got colder.",
              Q("A starter is a thermometer you can eat.", block=(0, 48))),
            C("01:36", "Yeast Versus Bacteria",
              "Priya explains that the wild yeasts and lactic acid bacteria in a starter respond to temperature "
              "differently. Below about 24 °C the bacteria keep working while the yeast slows down, which is why "
              "winter loaves taste sourer and rise less.",
              Q("Cold doesn't kill the yeast, it just hands the microphone to the bacteria.", block=(2, 15)),
              "She calls this the **sour drift** and says most bakers mistake it for a weak starter.",
              dash=True),
            C("05:12", "Temperature & Time",
              "The rule of thumb Priya uses is that every 4 °C drop roughly doubles fermentation time. She "
              "recommends measuring the dough itself, not the room, with a cheap probe thermometer.",
              Q("Your recipe's times are a promise made at 26 degrees.", trail="05:58")),
            C("09:40", "The Oven-Light Trick",
              "Tom tests the classic hack of proofing dough in an oven with only the light switched on. Results "
              "vary wildly between ovens, so Priya suggests checking with a thermometer before trusting it overnight."),
            C("13:05", "Hydration, Salt and Flour Choice",
              "Priya points out that wetter doughs ferment faster, partly because enzymes move more freely in them. "
              "She adds that whole-grain flour brings extra minerals and wild microbes, which can rescue a sluggish winter starter.",
              Q("Add a spoonful of rye and watch what happens.")),
            C("17:50", "Listener Questions",
              "The episode closes with three quick questions: whether to refrigerate a starter between bakes, how "
              "to revive one after a holiday, and whether bottled water matters. Priya's answer to the last is almost "
              "always no.",
              Q("Chlorine is rarely your problem. Impatience usually is.", block=(18, 32))),
        ],
        "entities_header": "Entities",
        "entities": [
            E("Priya Raman", "Person", "Food chemist who studies fermentation in home kitchens."),
            E("Tom Kettering", "Person", "Host of The Proving Drawer."),
            E("The Proving Drawer", "Podcast", "A weekly show about the science of everyday cooking."),
            E("Lactic acid bacteria", "Concept", "Microbes in a sourdough starter that produce its sour flavour."),
        ],
    },
    # 2 — English, history, sentence-case headings, ':' in a heading, hour
    #     timestamp, trailing quote times, heading-only chapter before the
    #     entities, a tight entity item.
    {
        "title": "The Canal That Bankrupted a County",
        "overview": (
            "Historian Marguerite Olin walks Backwater History host Nell Garside through the rise and collapse of "
            "the Harrow Valley Canal, a waterway finished in 1838 just as the first railway reached the same towns. "
            "Using toll ledgers and parish minutes, she shows how a sensible-looking investment turned into a debt "
            "the county carried for sixty years."
        ),
        "chapters": [
            C("00:00", "A ditch with ambitions",
              "Nell introduces the canal as the local landmark nobody can explain: a dry, tree-lined trench running "
              "forty miles through farmland. Marguerite has spent three years in the county archive working out who "
              "paid for it and why.",
              Q("People walk their dogs along it without knowing it was the most expensive thing the county ever built.",
                trail="00:52")),
            C("06:30", "Raising the money: shares, sermons and promises",
              "The canal company sold shares in small denominations so that shopkeepers and farmers could buy in. "
              "Marguerite found sermons praising the canal as a moral improvement, which helped sell the final tranche.",
              Q("Investing in the canal was pitched as a civic duty, not a gamble.", trail="08:14")),
            C("21:15", "The railway arrives early",
              "Construction overran by four years. By the time the last lock opened, a railway had been surveyed "
              "along the same valley, and merchants quietly moved their contracts to it.",
              Q("They finished the canal just in time to watch it become obsolete."),
              "Marguerite notes that toll income peaked in the very first year of operation."),
            C("44:02", "Sixty years of debt",
              "Because the county had guaranteed the company's loans, ratepayers kept servicing the debt long after "
              "the barges stopped. The last payment was made in 1899, and the parish minutes record it without comment.",
              Q("The silence in the minutes is the loudest thing in the archive.", trail="47:30")),
            C("1:02:44", "What the ledgers can still teach us",
              "Marguerite argues that the canal was not a foolish project but a reasonable bet overtaken by faster "
              "technology. She compares it with modern infrastructure forecasts that assume today's traffic will last."),
            C("1:10:05", "Further reading and credits"),
        ],
        "entities_header": "Entities",
        "entities": [
            E("Marguerite Olin", "Person", "Historian of transport and local government."),
            E("Nell Garside", "Person", "Host of Backwater History."),
            E("Harrow Valley Canal", "Place", "A forty-mile waterway opened in 1838 and abandoned by the 1860s.", tight=True),
            E("Harrow Valley Railway", "Organization", "The railway company whose line made the canal redundant."),
        ],
    },
    # 3 — Chinese (simplified), natural history; curly-quoted quote.
    {
        "title": "候鸟为什么选择在夜里迁徙",
        "overview": (
            "鸟类学者林晓岚做客《野外笔记》，和主持人周默聊候鸟夜间迁徙的原因：夜里空气更稳定、天敌更少，白天还能留给觅食。"
            "她也介绍了团队如何用雷达和录音设备统计夜空中的鸣叫，以及城市灯光给迁徙带来的麻烦。"
        ),
        "chapters": [
            C("00:00", "开场",
              "周默从自己在阳台上听到的夜间鸟鸣说起，问林晓岚那些声音到底来自哪里。林晓岚解释，春秋两季的夜里，头顶上可能有成千上万只鸟正在飞过。",
              Q("你抬头什么也看不见，但天上其实很热闹。")),
            C("03:20", "为什么是夜里",
              "林晓岚列出三个原因：夜间气流平稳，飞行更省力；猛禽大多在白天活动；鸟可以白天停下来补充能量。她强调这是一种权衡，并不是所有鸟都这样做。",
              Q("夜里飞，白天吃，这是很多小型鸣禽的时间表。", block=(4, 25))),
            C("11:48", "星空导航",
              "实验表明，一些鸟在幼鸟阶段会观察夜空绕北极星旋转的规律，并以此确定方向。林晓岚补充说，地磁感应和气味也在导航中起作用。",
              Q("它们记住的不是星座，而是天空的转轴。", wrap="“”"),
              "周默说这是他今年听到的最浪漫的科学结论。"),
            C("19:30", "雷达与录音",
              "团队把气象雷达的回波数据和屋顶录音设备结合起来，既能估算迁徙数量，又能根据鸣叫识别物种。林晓岚说，一个晴朗的秋夜能录到上千次飞行鸣叫。",
              Q("数据最多的那一晚，我们整整标注了一个星期。", trail="21:02")),
            C("27:15", "城市灯光",
              "强光会吸引并迷惑夜间迁徙的鸟，导致它们撞上玻璃幕墙。林晓岚介绍了几座城市在迁徙高峰期关闭楼宇景观灯的做法，效果相当明显。"),
        ],
        "entities_header": "Entities",
        "entities": [
            E("林晓岚", "人物", "鸟类学者，研究夜间迁徙与城市生态。"),
            E("周默", "人物", "播客《野外笔记》的主持人。"),
            E("气象雷达", "技术", "原本用于监测降水，也能探测到夜空中的鸟群。"),
        ],
        "blank_after": True,
    },
    # 4 — Korean, design history; localized entities header 등장인물; a body
    #     that starts with the heading's last word; a full-sentence heading.
    {
        "title": "김치냉장고는 어떻게 한국의 부엌을 바꿨나",
        "overview": (
            "산업디자이너 한지우가 《생활의 기술사》에 출연해 진행자 박서연과 함께 김치냉장고의 탄생을 돌아본다. "
            "땅에 묻던 장독에서 출발해 온도를 1도 단위로 제어하는 가전이 되기까지, 기술과 주거 환경, 가족 구조의 변화가 "
            "어떻게 맞물렸는지 이야기한다."
        ),
        "chapters": [
            C("00:00", "오프닝",
              "박서연은 이사할 때마다 가장 먼저 자리를 정하는 가전이 김치냉장고라는 청취자 사연으로 방송을 연다. "
              "한지우는 이 물건이 유독 한국에서 보편화된 이유부터 짚어 보자고 제안한다."),
            C("02:40", "장독에서 아파트로",
              "아파트가 늘면서 김치를 땅에 묻을 마당이 사라졌다. 한지우는 일정한 저온을 유지하던 장독의 역할을 가전이 대신해야 했다고 설명한다.",
              Q("땅속 온도를 부엌으로 옮겨 오는 것이 처음부터 목표였어요.", block=(3, 55))),
            C("09:12", "발효와 숙성",
              "숙성 단계마다 필요한 온도가 다르다는 점이 설계의 출발점이었다. 한지우는 초기 개발팀이 수백 포기의 김치를 직접 담가 온도별 맛 변화를 기록했다고 전한다.",
              Q("김치는 살아 있는 음식이라서, 냉장고보다는 발효 관리기에 가까워요.", trail="10:31")),
            C("16:05", "문을 위로 여는 이유",
              "뚜껑형 구조는 문을 열 때 찬 공기가 바닥으로 쏟아지지 않도록 고안되었다. 초기 제품 광고도 이 점을 가장 크게 내세웠다."),
            C("22:48", "김치냉장고는 이제 세컨드 냉장고다",
              "최근에는 김치보다 과일이나 육류, 주류를 보관하는 용도가 더 많다는 조사도 있다. 박서연이 1인 가구에게도 필요한 물건인지 묻자, 한지우는 소형 모델의 등장을 예로 든다.",
              Q("용도는 바뀌어도 '정확한 저온'이라는 약속은 그대로예요.", block=(24, 10))),
        ],
        "entities_header": "등장인물",
        "entities": [
            E("한지우", "인물", "가전제품 디자인을 주로 연구해 온 산업디자이너."),
            E("박서연", "인물", "《생활의 기술사》 진행자."),
            E("장독", "사물", "김치와 장류를 보관하던 전통 옹기."),
        ],
    },
    # 5 — English headings over a Chinese body, tech interview; '&' heading,
    #     inline code, a link, a tight entity item.
    {
        "title": "贺知远：把 Serverless 冷启动压到 10 毫秒以内",
        "overview": (
            "《架构夜谈》主持人梁悦对话函数计算运行时负责人贺知远。他讲了冷启动到底由哪几段时间组成、为什么内存快照是最有效的一招、"
            "依赖加载怎样悄悄吃掉一半启动时间，以及平台团队为什么应该只看 p99 而不是平均值。"
        ),
        "chapters": [
            C("00:00", "Intro",
              "梁悦介绍嘉宾贺知远：他在一家云厂商负责函数计算运行时，过去两年把平均冷启动时间从 300 毫秒降到了 10 毫秒以内。",
              Q("冷启动不是一个问题，而是十几个小问题叠在一起。")),
            C("02:05", "What Actually Happens in a Cold Start",
              "贺知远把冷启动拆成四步：调度机器、拉取镜像、启动运行时、执行用户的初始化代码。他说大多数团队只盯着第一步，真正耗时的往往是最后一步。",
              Q("大家都在优化调度器，却很少有人去看用户代码里的 import。", block=(3, 12))),
            C("08:30", "Snapshots & Restore",
              "团队的核心做法是在初始化完成后对整个进程做内存快照，下次请求直接从快照恢复。贺知远提醒，快照里的随机数种子和网络连接必须在恢复时重新生成，否则会出现很难排查的 bug。",
              Q("恢复快照之后的第一件事，就是重新洗牌随机数。", trail="10:02")),
            C("15:44", "Why lazy loading beats bundling",
              "对 Node.js 和 Python 函数来说，依赖加载常常占掉一半以上的启动时间。他们在运行时里加了一个 `lazy_import` 开关，把不在首个请求路径上的模块推迟到真正用到时再加载。"),
            C("24:20", "Measuring p99, Not Averages",
              "贺知远认为平均值会掩盖问题，团队只看 p99 和 p999。具体的看板设计写在[团队博客](https://example.org/blog/cold-start-p99)里。"),
            C("31:10", "Advice for Platform Teams",
              "最后他给平台团队三条建议：先测量再优化；把用户的初始化代码当成平台的一部分；不要低估快照带来的安全问题。",
              Q("最快的冷启动，是让用户根本感觉不到它发生过。", block=(32, 40))),
        ],
        "entities_header": "Entities",
        "entities": [
            E("贺知远", "Person", "云厂商函数计算运行时负责人。"),
            E("梁悦", "Person", "播客《架构夜谈》主持人。"),
            E("Cold start", "Concept", "函数实例首次处理请求前的初始化延迟。", tight=True),
            E("Memory snapshot", "Technique", "对已初始化进程做的内存快照，用于快速恢复。"),
        ],
    },
    # 6 — English, amateur astronomy; sentence-case headings, no entities
    #     section, heading-only chapter ending the line, a quote without
    #     wrapping double quotes, bold and code.
    {
        "title": "Seeing Saturn From a City Balcony",
        "overview": (
            "Amateur astronomer Rosa Delgado-Whitfield tells Low Light host Ken Abara how she observes planets from a "
            "tenth-floor apartment with a secondhand telescope and a lot of patience. The conversation covers light "
            "pollution, cheap gear that works, and why planets are the best targets for city observers."
        ),
        "chapters": [
            C("00:00", "How it started",
              "Rosa bought a small refractor at a yard sale for forty dollars and assumed the city sky would make it "
              "useless. On the first clear night, Saturn's rings showed up anyway.",
              Q("I cried a little, which is embarrassing to admit on a podcast."),
              "Ken confesses he did the same the first time he saw Jupiter's moons."),
            C("04:18", "Why planets beat galaxies in town",
              "Light pollution washes out faint galaxies, but planets are bright enough to cut straight through it. "
              "Rosa says the real enemy on a balcony is heat rising from the building, not the glow of the streetlights.",
              Q("The sky over a city is bad for faint things and fine for bright ones.", trail="05:40", wrap="")),
            C("11:02", "Gear under a hundred dollars",
              "She recommends a stable mount before a bigger lens, and a **red flashlight** to protect night vision. "
              "Most of her sessions last twenty minutes, squeezed in between dinner and bedtime."),
            C("16:30", "Keeping an observing log",
              "Rosa keeps a plain-text log with one line per session, which she later searches with `grep`. Ken "
              "asks for the format and promises to share his own log next season."),
            C("19:45", "Clear skies and goodbyes"),
        ],
        "entities_header": None,
        "entities": [],
    },
]


def seconds(timestamp):
    value = 0
    for piece in timestamp.split(":"):
        value = value * 60 + int(piece)
    return value


def render_quote(q):
    if q["wrap"] == '"':
        inner = '"' + q["text"] + '"'
    elif q["wrap"] == "“”":
        inner = "“" + q["text"] + "”"
    else:
        inner = q["text"]
    if q["trail"]:
        inner += " [" + q["trail"] + "]"
    out = "> *" + inner + "*"
    if q["block"]:
        m, s = q["block"]
        out += " > *[%d, %d]*" % (m, s)
    return out


def quote_time(q):
    if q["block"]:
        m, s = q["block"]
        return m * 60 + s
    if q["trail"]:
        return seconds(q["trail"])
    return None


def render_chapter(ch):
    head = "## [" + ch["timestamp"] + "] " + ("– " if ch["dash"] else "") + ch["heading"]
    pieces = [head]
    for part in ch["parts"]:
        pieces.append(part if isinstance(part, str) else render_quote(part))
    return " ".join(pieces)


def render_entity(e):
    if e["tight"]:
        return "- **%s**(%s):%s" % (e["name"], e["type"], e["description"])
    return "- **%s** (%s): %s" % (e["name"], e["type"], e["description"])


def render_summary(ep):
    pieces = [ep["overview"]] + [render_chapter(ch) for ch in ep["chapters"]]
    if ep["entities_header"]:
        pieces.append("## " + ep["entities_header"])
        pieces += [render_entity(e) for e in ep["entities"]]
    return " ".join(pieces)


def check(ep):
    for ch in ep["chapters"]:
        for part in ch["parts"]:
            text = part if isinstance(part, str) else part["text"]
            assert "##" not in text and "> *" not in text and "\n" not in text, text
            if not isinstance(part, str):
                assert "*" not in text and not text.startswith('"'), text
    assert 3 <= len(ep["chapters"]) <= 8


def main():
    lines = list(PREAMBLE)
    expected = []
    for index, ep in enumerate(EPISODES, start=1):
        check(ep)
        title_line = len(lines) + 1
        lines.append(ep["title"])
        lines.append(render_summary(ep))
        if ep.get("blank_after"):
            lines.append("")
        expected.append({
            "index": index,
            "line": title_line,
            "title": ep["title"],
            "summary": ep["overview"],
            "chapters": [
                {
                    "timestamp": ch["timestamp"],
                    "start": seconds(ch["timestamp"]),
                    "title": ch["heading"],
                    "body": " ".join(p for p in ch["parts"] if isinstance(p, str)),
                    "quotes": [{"text": p["text"], "time": quote_time(p)}
                               for p in ch["parts"] if not isinstance(p, str)],
                }
                for ch in ep["chapters"]
            ],
            "entities": [{"name": e["name"], "type": e["type"], "description": e["description"]}
                         for e in ep["entities"]],
        })
    document = {
        "source": "sample-page.txt",
        "note": "Ground truth for all %d episodes of Quire's bundled example page; generated together with "
                "sample-page.txt by make_sample_page.py (all content invented)." % len(EPISODES),
        "preamble": PREAMBLE,
        "episodes": expected,
    }
    with open(os.path.join(HERE, "sample-page.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))
    with open(os.path.join(HERE, "sample-page.expected.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(document, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
