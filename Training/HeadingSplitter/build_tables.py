#!/usr/bin/env python3
"""Builds the splitter's per-language word tables from linguistic resources, offline.

    pip install wordfreq stop-words jieba fugashi unidic-lite kiwipiepy lemminflect names
    python3 Training/HeadingSplitter/build_tables.py      # writes Formats/SummaryText/HeadingSplit/LanguageTables.swift

Sources (each table in the Swift file names its own):
- wordfreq 3.1 (code Apache-2.0; word lists CC BY-SA 4.0): the most frequent words of each language, to keep
  every table to words that actually occur often.
- lemminflect 0.2.3 (MIT): English verb inflections.
- names 0.3.0 (MIT): the US census given-name lists.
- stop-words 2025.11 (BSD-3-Clause): function words of English, Spanish, German, French, Portuguese, Italian.
- kiwipiepy 0.24 with its model (LGPL-3.0): part-of-speech tags of Korean morphemes (particles, dependent
  nouns, determiners, adnominal endings).
- jieba 0.42 (MIT): the part-of-speech tags in its dictionary (pronouns, prepositions, conjunctions, particles).
- fugashi 1.5 with unidic-lite 1.0.8 (UniDic: BSD-3-Clause): Japanese parts of speech (particles, auxiliaries).
No word of any corpus or page is looked at: the tables are properties of the languages.
"""
import os
import wordfreq

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Formats", "SummaryText", "HeadingSplit", "LanguageTables.swift")


def latin_function_words():
    from stop_words import get_stop_words
    words = set()
    for language in ["en", "es", "de", "fr", "pt", "it"]:
        frequent = set(wordfreq.top_n_list(language, 250))
        words |= {w for w in get_stop_words(language) if w in frequent and w.isalpha()}
    return words


def latin_frequent_words():
    """The 200 most frequent words of each Latin-script language: lexical features learn which of them
    open, continue or end sentences, words common enough to hold on any topic."""
    words = set()
    for language in ["en", "es", "de", "fr", "pt", "it"]:
        words |= {w for w in wordfreq.top_n_list(language, 200) if w.isalpha()}
    return words


def english_finite_verbs():
    """Third-person and past forms of the 1,500 most frequent English verbs (lemminflect over wordfreq):
    a name followed by one of these opens a sentence ("Aisha goes", "Priya explains")."""
    import lemminflect
    forms = set()
    verbs = 0
    for word in wordfreq.top_n_list("en", 20000):
        if verbs >= 1500:
            break
        lemmas = lemminflect.getAllLemmas(word)
        if "VERB" not in lemmas or lemmas["VERB"][0] != word or "NOUN" in lemmas and wordfreq.zipf_frequency(word, "en") > 5.5:
            continue
        verbs += 1
        for tag in ("VBZ", "VBD"):
            forms.update(lemminflect.getInflection(word, tag))
    return {f for f in forms if f.isalpha()}


def given_names():
    """The 1,500 most common given names of the US census lists (the `names` package, MIT)."""
    import names
    directory = os.path.dirname(names.__file__)
    result = set()
    for file in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(directory, file), encoding="utf-8") as handle:
            for line in list(handle)[:750]:
                result.add(line.split()[0].capitalize())
    return result


def chinese_predicate_starts():
    """The most frequent Chinese verbs, adverbs and prepositions (jieba tags v, d, p) of one or two
    characters: after a Latin name they make it a subject (`Jacob 先问`, `Oriol 把`)."""
    import jieba
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3 and parts[2] in ("v", "d", "p") and len(parts[0]) <= 2:
                rows.append((int(parts[1]), parts[0]))
    rows.sort(reverse=True)
    return {word for _, word in rows[:400]}


def korean_tables():
    from kiwipiepy import Kiwi
    kiwi = Kiwi()
    particles = {"topic": set(), "subject": set(), "object": set(), "genitive": set(), "adverbial": set()}
    dependent, determiners, stems, nouns = set(), set(), [], []
    for word in wordfreq.top_n_list("ko", 6000):
        tokens = kiwi.tokenize(word)
        # A particle alone is read as something else; after a noun (one ending in a vowel, one in a
        # consonant) the tagger sees it as what it is.
        if len(word) <= 2:
            for host in ("사람", "학교"):
                hosted = kiwi.tokenize(host + word)
                if len(hosted) == 2 and hosted[0].form == host and hosted[1].form == word and hosted[1].tag.startswith("J"):
                    tag = hosted[1].tag
                    if tag == "JX" and word in ("은", "는"):
                        particles["topic"].add(word)
                    elif tag in ("JKS", "JKC"):
                        particles["subject"].add(word)
                    elif tag == "JKO":
                        particles["object"].add(word)
                    elif tag == "JKG":
                        particles["genitive"].add(word)
                    else:
                        particles["adverbial"].add(word)
        if len(tokens) != 1 or tokens[0].form != word:
            continue
        tag = tokens[0].tag
        if tag.startswith("J"):
            continue
        elif tag == "NNB":
            dependent.add(word)
        elif tag in ("MM", "NR") and len(word) <= 2:
            determiners.add(word)
        elif tag in ("VV", "VA") and len(stems) < 400:
            stems.append((word, tag))
        elif tag == "NNG" and len(word) >= 2 and len(nouns) < 3000:
            nouns.append(word)
    # '의' is the genitive particle; the tagger reads a lone '의' as a noun.
    particles["genitive"].add("의")
    # Adnominal forms (있는, 새로운, 할): their final syllables, kept where they end nouns less often.
    adnominal_finals = {}
    for stem, tag in stems:
        for ending in ("는", "ᆫ", "ᆯ", "던", "은", "을"):
            try:
                form = kiwi.join([(stem, tag), (ending, "ETM")])
            except Exception:
                continue
            if form:
                adnominal_finals[form[-1]] = adnominal_finals.get(form[-1], 0) + 1
    noun_finals = {}
    for noun in nouns:
        noun_finals[noun[-1]] = noun_finals.get(noun[-1], 0) + 1
    adnominal = {s for s, n in adnominal_finals.items() if n >= 3 and n > 2 * noun_finals.get(s, 0) * 400 / 3000}
    # Sentence endings: the final syllables of declarative and interrogative verb forms.
    enders = {}
    for stem, tag in stems:
        for ending in ("다", "ᆫ다", "는다", "습니다", "요", "까"):
            try:
                form = kiwi.join([(stem, tag), (ending, "EF")])
            except Exception:
                continue
            if form:
                enders[form[-1]] = enders.get(form[-1], 0) + 1
    sentence_finals = {s for s, n in enders.items() if n >= 5 and noun_finals.get(s, 0) * 400 / 3000 < n / 3}
    return particles, dependent, determiners, adnominal, sentence_finals


def korean_frequent_words():
    """The 1,500 most frequent Korean nouns, pronouns, numerals, determiners and adverbs: words whose
    identity at a boundary the model may learn (a role noun opens a body, a counter ends a phrase)."""
    from kiwipiepy import Kiwi
    kiwi = Kiwi()
    words = []
    for word in wordfreq.top_n_list("ko", 30000):
        tokens = kiwi.tokenize(word)
        if len(tokens) == 1 and tokens[0].form == word and tokens[0].tag in ("NNG", "NNB", "NP", "NR", "MM", "MAG"):
            words.append(word)
            if len(words) == 1500:
                break
    return set(words)


def korean_final_syllables():
    """The 400 syllables that most often end a frequent Korean word (by word frequency): how a word
    ends tells a noun that closes a heading from a verb form or particle that does not."""
    counts = {}
    frequencies = wordfreq.get_frequency_dict("ko")
    for word in wordfreq.top_n_list("ko", 30000):
        last = word[-1]
        if "\uac00" <= last <= "\ud7a3":
            counts[last] = counts.get(last, 0) + frequencies.get(word, 0)
    return {s for s, _ in sorted(counts.items(), key=lambda item: -item[1])[:400]}


def chinese_tables():
    import jieba
    import jieba.posseg
    jieba.setLogLevel(60)
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3:
                rows.append((parts[0], int(parts[1]), parts[2]))
    rows.sort(key=lambda r: -r[1])
    openers, particles = [], []
    for word, _, tag in rows:
        if len(word) > 3:
            continue
        if tag in ("r", "c") and len(openers) < 120:
            openers.append(word)
        elif tag in ("uj", "ul", "uz", "ug", "uv", "ud", "y") and len(particles) < 30:
            particles.append(word)
    return set(openers), set(particles)


def japanese_tables():
    import fugashi
    tagger = fugashi.Tagger()
    particles, openers = set(), set()
    for word in wordfreq.top_n_list("ja", 5000):
        nodes = tagger(word)
        if len(nodes) != 1 or nodes[0].surface != word:
            continue
        pos = nodes[0].feature.pos1
        if pos in ("助詞", "助動詞") and len(word) <= 3:
            particles.add(word)
        elif pos in ("代名詞", "接続詞", "連体詞") and len(word) <= 4:
            openers.add(word)
    return particles, openers


def swift_set(words):
    items = sorted(words)
    lines, line = [], "       "
    for item in items:
        literal = ' "' + item.replace("\\", "\\\\").replace('"', '\\"') + '",'
        if len(line) + len(literal) > 118:
            lines.append(line)
            line = "       "
        line += literal
    lines.append(line)
    return "[\n" + "\n".join(lines) + "\n    ]"


def main():
    latin = latin_function_words()
    frequent = latin_frequent_words()
    verbs = english_finite_verbs()
    given = given_names()
    zh_predicates = chinese_predicate_starts()
    particles, dependent, determiners, adnominal, sentence_finals = korean_tables()
    korean_frequent = korean_frequent_words()
    korean_finals = korean_final_syllables()
    zh_openers, zh_particles = chinese_tables()
    ja_particles, ja_openers = japanese_tables()
    tables = [
        ("latinFunctionWords", "Function words of en, es, de, fr, pt and it among each language's 250 most frequent words (stop-words, wordfreq).", latin),
        ("latinFrequentWords", "The 200 most frequent words of en, es, de, fr, pt and it (wordfreq), lowercase.", frequent),
        ("englishFiniteVerbs", "Third-person present and past forms of the 1,500 most frequent English verbs (lemminflect, wordfreq).", verbs),
        ("givenNames", "The 750 most common male and 750 most common female given names of the US census (names).", given),
        ("chinesePredicateStarts", "The 400 most frequent one- and two-character Chinese verbs, adverbs and prepositions (jieba tags v, d, p).", zh_predicates),
        ("koreanTopicParticles", "Korean topic particles (kiwipiepy JX).", particles["topic"]),
        ("koreanSubjectParticles", "Korean subject and complement particles (kiwipiepy JKS, JKC).", particles["subject"]),
        ("koreanObjectParticles", "Korean object particles (kiwipiepy JKO).", particles["object"]),
        ("koreanGenitiveParticles", "Korean genitive particles (kiwipiepy JKG).", particles["genitive"]),
        ("koreanAdverbialParticles", "Korean adverbial, conjunctive and auxiliary particles (kiwipiepy JKB, JC, JX).", particles["adverbial"]),
        ("koreanDependentNouns", "Korean dependent nouns and counters (kiwipiepy NNB) among the 6,000 most frequent morphemes.", dependent),
        ("koreanDeterminers", "Korean determiners and native numerals (kiwipiepy MM, NR) that need a following noun.", determiners),
        ("koreanAdnominalFinals", "Final syllables of adnominal verb forms (kiwipiepy: 400 frequent stems joined with ETM endings), kept where nouns rarely end so.", adnominal),
        ("koreanSentenceFinals", "Final syllables of sentence-final verb forms (kiwipiepy EF), kept where nouns rarely end so.", sentence_finals),
        ("koreanFrequentWords", "The 1,500 most frequent Korean nouns, pronouns, numerals, determiners and adverbs (wordfreq, tagged by kiwipiepy).", korean_frequent),
        ("koreanFinalSyllables", "The 400 syllables that most often end a frequent Korean word, weighted by the word's frequency (wordfreq).", korean_finals),
        ("chineseSentenceOpeners", "Chinese pronouns and conjunctions (jieba dictionary tags r, c), the most frequent 120.", zh_openers),
        ("chineseParticles", "Chinese structural, aspect and modal particles (jieba tags u*, y), which never open a sentence.", zh_particles),
        ("japaneseParticles", "Japanese particles and auxiliaries (UniDic 助詞, 助動詞 via fugashi) among the 5,000 most frequent words.", ja_particles),
        ("japaneseSentenceOpeners", "Japanese pronouns, conjunctions and adnominals (UniDic 代名詞, 接続詞, 連体詞).", ja_openers),
    ]
    out = [
        "// Generated by Training/HeadingSplitter/build_tables.py from linguistic resources; do not edit.",
        "// Sources and licences: docs/heading-splitter.md. No word here comes from a page or the corpus.",
        "",
        "/// Closed word classes of the languages Quire reads, for the heading splitter's features.",
        "enum LanguageTables {",
    ]
    for name, doc, words in tables:
        out.append(f"    /// {doc}")
        out.append(f"    static let {name}: Set<String> = {swift_set(words)}")
        out.append("")
    out[-1] = "}"
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as handle:
        handle.write("\n".join(out) + "\n")
    for name, _, words in tables:
        print(f"{name:28} {len(words):4}  {' '.join(sorted(words)[:18])}")


if __name__ == "__main__":
    main()
