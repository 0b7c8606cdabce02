"""Within-article speaker resolution: every attribution's source mention becomes an entity.

* names: surnames and titled mentions join the longest name form ("Putin" → "Vladimir Putin");
* pronouns: the nearest compatible antecedent, preferring the speaker of the previous
  attribution in the same paragraph and grammatical subjects, never a name inside a quotation;
* role nominals ("the Ukrainian leader", "the Kremlin spokesperson", "the president"): the person
  holding that role or nationality;
* places and institutions as speakers ("Moscow", "the Kremlin"): organisations;
  plural nominals ("analysts", "both sides"): groups.
"""
from __future__ import annotations

import bisect
import dataclasses
import re

from spacy.tokens import Doc, Token

from ..nlp import doc_text
from ..types import Attribution, Entity, EntityKind, Mention, Span, Speaker
from .cue_subject import INVISIBLE, subject_of_cue
from .findings import finding_author
from .lexicon import PLURAL_PRONOUNS, PRONOUN_GENDER, RELATIVE_PRONOUNS, RoleLexicon, load_role_lexicon
from .mentions import ORG_LABELS, EntityBuilder, NameMention, find_name_mentions, fold, group_people, is_heading, one_letter_apart
from .labels import speaker_of_label
from .name_gender import gender_of_first_name, is_given_name
from .places import joint_name, place_as_place
from .org_anaphors import OrgAnaphora
from .pronouns import PronounResolution
from .source_heads import FIRST_PERSON, describes_its_own, org_or_group, subject_inside, personal_antecedent, refers_back, said_of_people, speaking_antecedent, speaks_as_people
from .source_phrase import can_speak, clean_name, phrase_name, possessed_kind, possessor, from_inner_determiner, without_answer_word, inside_quotes, last_line, possessive_after, subtree_span, under_preposition, with_brackets_closed


#: pronoun-like heads of a source phrase that describe its speakers ("those involved", "one of the players")
_QUANTIFIER_HEADS = {"one", "those", "some", "many", "most", "all", "several", "both", "each"}
_VAGUE_NUMBERS = {"few", "various", "numerous", "other", "dozens", "hundreds", "thousands"}


#: words inside an organisation's name ("Customs and Border Protection", "Bank of England")
_NAME_JOINERS = {"and", "of", "&", "for"}


class _Resolver(PronounResolution, OrgAnaphora):
    def __init__(self, doc: Doc):
        self.doc = doc
        self.ents = doc.ents  # spaCy builds this tuple on every access: once per article, not per source
        self.lex: RoleLexicon = load_role_lexicon()
        self.inside_quote = inside_quotes(doc)
        self.names: list[NameMention] = find_name_mentions(doc, self.lex, self.inside_quote)
        self.people: list[EntityBuilder] = group_people(self.names)
        self.by_offset: dict[int, EntityBuilder] = {m.span.start: p for p in self.people for m in p.mentions}
        self.others: dict[str, EntityBuilder] = {}  # organisations and groups by normalised name
        # a blank line between paragraphs is one break, not two: "the previous paragraph" is the previous text
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n(?:[ \t]*\n)*", doc_text(doc))]
        self.history: list[tuple[int, EntityBuilder]] = []  # (offset, speaker) of resolved attributions
        self.person_nominals: dict[int, str | None] = {}  # id of "a spokesperson for X" speakers -> gender

    # ---------------------------------------------------------------- helpers
    def paragraph_of(self, offset: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, offset) - 1  # the last paragraph starting at or before it

    def _other(self, name: str, kind: EntityKind, span: Span, form: str) -> EntityBuilder:
        # "another person said": someone other than the one before, never joined to them by the name
        short = name
        if kind is EntityKind.ORGANISATION:
            name = self.spelled_out(name) or name  # "the PBO": the Parliamentary Budget Officer named in full
        key = f"{name.lower()}@{span.start}" if name.lower().startswith("another ") else name.lower()
        builder = self.others.get(key)
        if builder is None:
            builder = EntityBuilder(kind, names=[name])
            self.others[key] = builder
        builder.add_name(short)
        builder.mentions.append(dataclasses.replace(Mention(span, form)))
        return builder

    def _one_of(self, head: Token) -> str | None:
        """"one of the vice-chancellors" for a bare "One": the plural people noun last named in its sentence or the one before."""
        sentence = head.sent
        start = self.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        doc = self.doc
        nouns = [t for t in doc[start : head.i] if t.tag_ == "NNS" and (t.lemma_.lower() in self.lex.roles or t.lower_ in self.lex.groups)]
        if not nouns:
            return None
        noun = ([t for t in nouns if t.dep_ in ("nsubj", "nsubjpass")] or nouns)[-1]  # "Three officials briefed reporters. One said"
        first = noun.i  # with the words that make up the noun: "vice-chancellors", "senior officials", "aid workers"
        while first > start:
            before = doc[first - 1]
            if not before.whitespace_ and (before.text == "-" or doc[first].text == "-"):
                first -= 1  # a hyphenated word, whatever the parse made of it
            elif before.head.i == noun.i and before.dep_ in ("compound", "amod") and before.tag_ != "CD" and before.lower_ not in _QUANTIFIER_HEADS | _VAGUE_NUMBERS:
                first -= 1
            else:
                break
        return "one of the " + doc[first : noun.i + 1].text

    def _add_mention(self, builder: EntityBuilder, span: Span, form: str) -> None:
        if all(m.span != span for m in builder.mentions):
            builder.mentions.append(Mention(span, form))

    # ---------------------------------------------------------------- resolution
    def resolve(self, source: tuple[Span, ...], cue: tuple[Span, ...]) -> EntityBuilder | None:
        if not source:
            source = subject_of_cue(self.doc, cue, self.inside_quote)
        if not source:
            return None
        span = last_line(self.doc, source[0])
        tokens = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is None or not len(tokens):
            return None
        tokens = subject_inside(self.doc, from_inner_determiner(without_answer_word(tokens)), cue)
        span = Span.of(doc_text(self.doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
        if is_heading(self.doc, tokens[0].i):
            return self.resolve_in_heading(tokens, span)
        owner = possessor(tokens, self.lex)
        if owner is not None:  # "her statement said", "the union's release", "Mitchell's amendment": the one who wrote it
            return self.resolve((owner,), ())
        issuer = self.issuer_of_document(tokens, span)
        if issuer is not None:
            return issuer
        if tokens.root.lemma_.lower() in self.lex.things or tokens.root.lower_ in self.lex.things:
            return None  # "Background:", "Video shows …": tagged a name or not, no speaker
        labelled = speaker_of_label(tokens, span, self.people, self.lex.roles, lambda name: self._other(name, EntityKind.ORGANISATION, span, "org"))
        if labelled is not None:  # "ALEXANDRIA DOUZIECH: I try to …", "Trump's first wife, Ivana", "Another, Pelco": the name
            return labelled
        # a name in the source: the one that is not a possessor ("Feld's lawyer, Samuel Achebe") nor
        # inside a phrase that only places the speaker ("Some pubs around Cork")
        names = [m for m in self.names if span.start <= m.span.start and m.span.end <= span.end and not under_preposition(m.root, tokens)]
        if names:
            # "The independent Harlow group", "the Biden campaign": a name that only modifies a common noun is not the speaker
            heads = [m for m in names if m.root.dep_ != "poss" and not possessive_after(self.doc, m)
                     and not (m.root.dep_ == "compound" and m.root.head.i == tokens.root.i and tokens.root.pos_ == "NOUN")]
            # "Nova Scotia Liberal MP Sean Fraser": the name the phrase is about, not a place the NER took for one
            at_root = [m for m in heads if m.span.start <= tokens.root.idx < m.span.end]
            if not heads and not any(m.span.start <= tokens.root.idx < m.span.end for m in names):
                # "Trudeau's office", "Norman's lawyers": someone of the person's, not the person
                return self._other(phrase_name(tokens), possessed_kind(tokens.root, self.lex), span, "nominal")
            chosen = (at_root or heads or names)[0]
            joint = [m for m in heads if m is not chosen and m.root.dep_ == "conj" and m.root.head.i == chosen.root.i]
            if joint:  # "owners Tore Sohlberg and Lehla Abreder said": both, whom a later "they" means
                return self._other(joint_name([chosen, *joint]), EntityKind.GROUP, span, "group")
            return self.by_offset.get(chosen.span.start)
        if cue and cue[0].text.strip() == ":":
            return None  # "Anchor:", "Report:", "Coronavirus:": a label, not a speaker
        head = tokens.root
        word = head.lower_
        one_of = self._one_of(head) if word == "one" and not any(c.dep_ == "prep" for c in head.children) else None
        if word in _QUANTIFIER_HEADS and (len(tokens) > 1 and any(c.dep_ in ("prep", "acl", "amod", "relcl") for c in head.children) or one_of):
            # "one of the players in the video", "All those involved": a nominal, not a pronoun to resolve;
            # "Two vice-chancellors spoke … One, who asked not to be named, said": one of those just named
            plural = word != "one"
            name = one_of or phrase_name(tokens)
            builder = self._other(name, EntityKind.GROUP if plural else EntityKind.UNRESOLVED, span, "group" if plural else "nominal")
            if not plural:
                self.person_nominals[id(builder)] = None
            return builder
        if (2 <= len(tokens) <= 3 and all(t.pos_ == "PROPN" and t.is_title for t in tokens) and is_given_name(tokens[0].text)
                and not any(e.start <= tokens[0].i and tokens[-1].i < e.end for e in self.doc.ents)
                and not any(t.lower_ in self.lex.orgs or t.lower_ in self.lex.roles or t.lower_ in self.lex.groups
                            or t.lower_ in self.lex.things or t.lower_ in self.lex.honorifics for t in tokens)):
            # "Billie Holliday replied", tagged a place and a date: a given name and a surname the NER split
            person = self.resolve_untagged_name(tokens, head, span, any_entity=True)
            if person is not None:
                return person
        if not can_speak(tokens, head, self.lex):
            return None
        if word in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":  # "Tory MPs who said": before pronouns, as "who" is one
            antecedent = personal_antecedent(head.head.head, head) if word in ("who", "whom") else speaking_antecedent(head.head.head)
            return self.resolve(subtree_span(self.doc, antecedent, stop=head.head), cue)
        if word in FIRST_PERSON and not self.inside_quote[head.i]:
            return None  # "As we mentioned": the writer's own voice, no speaker of the article
        if head.pos_ == "PRON" or word in PRONOUN_GENDER or word in PLURAL_PRONOUNS or word == "it":
            return self.resolve_pronoun(head, span)
        org_ents = [e for e in self.ents if tokens.start <= e.start and e.end <= tokens.end and e.label_ in ORG_LABELS]  # tokens.ents rebuilds doc.ents
        definite = tokens[0].lower_ in ("the", "this", "that")
        person_noun = head.lemma_.lower() in self.lex.roles and not head.text.istitle()  # "the rookie defenceman", "CEO" tagged ORG
        if definite and head.ent_type_ == "NORP" and head.tag_ in ("NNP", "NN"):  # "the Kentucky Republican"
            person = self.resolve_role(tokens, head, span)
            if person is not None:
                return person
        if (len(tokens) == 1 or tokens[0].i == head.i and head.pos_ == "PROPN") and head.pos_ in ("PROPN", "NOUN") and head.text[:1].isupper() and not head.text.isupper():
            # "Tegnell said", tagged an organisation; "said King, who resigned …": a surname and what describes it
            person = self.resolve_surname(head, span)
            if person is not None:
                return person
        if org_ents and (head.ent_type_ in ORG_LABELS and not person_noun or head.lower_ in self.lex.orgs):
            ent = next((e for e in org_ents if e.start <= head.i < e.end), None)
            if ent is not None and head.ent_type_ == "NORP":  # "Republicans", "the Neanderthal": people, not a body
                return self._other(clean_name(ent.text), EntityKind.GROUP, span, "group")
            # "the United Nations food agency": the whole phrase names it, not just "United Nations"
            name = with_brackets_closed(self.doc, ent.start, ent.end) if ent is not None else clean_name(self.doc[org_ents[0].start : head.i + 1].text)
            if ent is not None and len(tokens) > len(ent) and all(t.pos_ == "PROPN" or t.lower_ in _NAME_JOINERS for t in tokens):
                name = clean_name(tokens.text)  # "Customs and Border Protection" with only "Customs" tagged: the whole name
            return self._other(name, EntityKind.ORGANISATION if ent is not None else org_or_group(tokens, head), span, "org")
        lemma = head.lemma_.lower()
        if (word in self.lex.orgs or lemma in self.lex.orgs) and tokens[0].lower_ in ("the", "this", "that") and refers_back(tokens, head):
            earlier = self.resolve_org_anaphor(head, span)
            if earlier is not None:
                return earlier
        if (lemma in self.lex.roles or word in self.lex.roles) and head.tag_ not in ("NNS", "NNPS"):  # "the officials": not one person
            person = self.resolve_role(tokens, head, span)
            if person is not None:
                return person
        if word in self.lex.orgs or lemma in self.lex.orgs:
            return self._other(phrase_name(tokens), org_or_group(tokens, head), span, "org")
        if word in self.lex.groups or lemma in self.lex.groups or any(t.lower_ == "both" for t in tokens):
            return self._other(phrase_name(tokens), EntityKind.GROUP, span, "group")
        person = self.resolve_untagged_name(tokens, head, span)
        if person is not None:
            return person
        if head.pos_ == "PROPN" and any(e.label_ in ORG_LABELS and e.text == tokens.text for e in self.ents):
            return self._other(phrase_name(tokens), EntityKind.ORGANISATION, span, "org")  # tagged an organisation elsewhere
        if tokens[0].lower_ == "the" and head.pos_ == "PROPN" and head.text[:1].isupper() and head.tag_ == "NNP" and word not in self.lex.roles:
            return self._other(phrase_name(tokens), EntityKind.ORGANISATION, span, "org")  # "the Louvre", "the Pentagon"
        # "Republican senators", "senior students": people, a group; "our results", "city data": things
        # "Two loggers who stayed behind": a relative "who" says the plural noun is people
        plural = head.tag_ == "NNPS" or head.tag_ == "NNS" and (lemma in self.lex.roles or word in self.lex.groups or lemma in self.lex.groups
                                                                 or said_of_people(head) or speaks_as_people(head, self.lex.things))
        builder = self._other(phrase_name(tokens), EntityKind.GROUP if plural else EntityKind.UNRESOLVED, span, "group" if plural else "nominal")
        if not plural and (lemma in self.lex.roles or word in self.lex.roles or lemma in self.lex.person_nouns):  # "a spokesperson for …"
            self.person_nominals[id(builder)] = self.lex.gender_of_title(word)
        return builder

    def resolve_untagged_name(self, tokens, head: Token, span: Span, any_entity: bool = False) -> EntityBuilder | None:
        """A source that is a name the NER missed: "Laurin said" (the person of that surname named
        earlier), "Patrice Lindsay, director of …, said" (a new person: a speech cue's subject)."""
        chain = []
        for t in tokens:
            if t.pos_ != "PROPN" or not t.text[:1].isupper() or t.text.isupper() or (t.ent_type_ and not any_entity) or t.lower_ in self.lex.honorifics:
                break
            chain.append(t)
        if not chain or chain[-1].i != head.i or len(chain) > 3 or head.lower_ in self.lex.orgs or head.lower_ in self.lex.roles:
            return None  # "Managing Director": a title, not a name
        if len(chain) == 1:
            return self.resolve_surname(head, span)
        name = self.doc[chain[0].i : head.i + 1].text
        builder = EntityBuilder(EntityKind.PERSON, names=[name], gender=gender_of_first_name(chain[0].text))
        builder.mentions.append(Mention(Span.of(doc_text(self.doc), chain[0].idx, head.idx + len(head.text)), "name"))
        # "Lindsay" found alone elsewhere in the article is this person
        for single in [p for p in self.people if p.kind is EntityKind.PERSON and p.names == [head.text]]:
            builder.mentions.extend(single.mentions)
            builder.gender = builder.gender or single.gender
            self.people.remove(single)
            for offset, b in list(self.by_offset.items()):
                if b is single:
                    self.by_offset[offset] = builder
        self.people.append(builder)
        return builder

    def resolve_surname(self, head: Token, span: Span) -> EntityBuilder | None:
        """"King asked": the one person of that surname, or the full name the NER missed elsewhere
        ("co-host Gayle King": a given name of known gender right before the surname)."""
        surname = head.lower_.strip(INVISIBLE)
        if surname in self.lex.orgs or surname in self.lex.groups or surname in self.lex.things:
            return None  # "Police said": a common noun, not a surname
        found = [p for p in self.people if p.kind is EntityKind.PERSON and fold(surname) in p.surnames()]
        # the mention is the surname itself: "King, who resigned …", "Major himself" are no aliases
        span = Span.of(doc_text(self.doc), head.idx, head.idx + len(head.text.rstrip(INVISIBLE)))
        full = [t for t in self.doc if t.lower_.strip(INVISIBLE) == surname and t.i > 0 and self.doc[t.i - 1].pos_ == "PROPN"
                and self.doc[t.i - 1].is_title and gender_of_first_name(self.doc[t.i - 1].text)
                and not (t.i > 1 and self.doc[t.i - 2].text in ("-", "‑"))]  # "Miami-Dade Police": no given name
        # the full name outside quotations; else inside one ("a fan club called 'Anders Tegnell Fan Club'")
        full = [t for t in full if not self.inside_quote[t.i]] or full
        if not found and not full:  # never given a first name: one named person's surname misspelt ("Houser" … "Hauser")
            found = [p for p in self.people if p.kind is EntityKind.PERSON and any(one_letter_apart(fold(surname), s) for s in p.surnames())]
        if len(found) == 1:
            self._add_mention(found[0], span, "surname")
            return found[0]
        if found:
            return None
        if not full or len({self.doc[t.i - 1].lower_ for t in full}) != 1:
            return None
        first = self.doc[full[0].i - 1]
        builder = EntityBuilder(EntityKind.PERSON, names=[f"{first.text} {full[0].text.strip(INVISIBLE)}"], gender=gender_of_first_name(first.text))
        builder.mentions.append(Mention(Span.of(doc_text(self.doc), first.idx, full[0].idx + len(full[0].text)), "name"))
        builder.mentions.append(Mention(span, "surname"))
        self.people.append(builder)
        return builder

    def resolve_in_heading(self, tokens, span: Span) -> EntityBuilder | None:
        """A headline ("Obama Says He Will Veto"): the person of the article it names, never a new one."""
        words = {fold(t.text) for t in tokens if t.text[:1].isupper()}
        found = [p for p in self.people if p.kind is EntityKind.PERSON and p.surnames() & words]
        if len(found) != 1:
            return None
        word = next(t for t in tokens if fold(t.text) in found[0].surnames())  # the name in the headline, not the headline
        self._add_mention(found[0], Span.of(doc_text(self.doc), word.idx, word.idx + len(word.text)), "surname")
        return found[0]

    def _named_later(self, tokens, head: Token, span: Span) -> list:
        """"the WHL commissioner said …" before "WHL commissioner Ron Robison": the one person whose
        title has the role and its modifier, named later in the article."""
        mods = {t.lower_ for t in tokens if t.i != head.i and t.pos_ in ("PROPN", "ADJ", "NOUN") and t.dep_ != "det"}
        if not mods:
            return []
        found = [p for p in self.people if p.kind is EntityKind.PERSON and any(
            head.lower_ in t.lower().split() and mods & set(t.lower().split()) for t in p.titles)]
        return [(3, (), found[0])] if len(found) == 1 else []

    def _named_as_owner(self, person: EntityBuilder, before: int, only: bool = False) -> bool:
        """Whether the person's latest name before ``before`` (``only``: every one) is a possessor ("Princess
        Diana's interview"; "Maria's Salon and Spa … the owner said": a shop's name, maybe no one's)."""
        names = [m for m in self.names if m.span.start < before and self.by_offset.get(m.span.start) is person]
        owned = [m.root.dep_ == "poss" or possessive_after(self.doc, m) for m in (names if only else names[-1:])]
        return bool(owned) and all(owned)

    def resolve_role(self, tokens, head: Token, span: Span) -> EntityBuilder | None:
        """"the Ukrainian leader" → the person whose nationality is Ukrainian and who leads."""
        words = {t.lower_ for t in tokens}
        adjectives = {t.text.lower() for t in tokens if t.i != head.i and t.pos_ in ("ADJ", "PROPN", "NOUN")}
        scored = []
        for p in self._candidates(span.start, self.lex.gender_of_title(head.text)):
            title_words = {w.lower() for t in p.titles for w in t.split()}
            score = 0
            if head.lower_ in title_words or head.lemma_.lower() in title_words:
                score += 2
                score += len((adjectives & title_words))
            if p.nationality and p.nationality.lower() in words:
                score += 3
            if score:
                scored.append((score, self._salience(p, span.start), p))
        if not scored:
            scored = self._named_later(tokens, head, span)
        if (not scored and tokens[0].lower_ in ("the", "this", "that") and (head.lemma_.lower() in self.lex.roles or head.ent_type_ == "NORP")
                and (head.dep_ == "appos" or not describes_its_own(tokens, head))):  # "Lina Okafor, the MP for …": her
            # "the veteran diplomat", "said the rookie defenceman": a definite role noun refers back to the
            # person of this or the previous paragraph, or else to the person who spoke last
            gender = self.lex.gender_of_title(head.text)  # "the duchess" is not the prince who spoke last
            candidates = [p for p in self._candidates(span.start, gender) if not self._named_as_owner(p, span.start, only=True)]
            para = self.paragraph_of(span.start)
            recent = [p for p in candidates if self.paragraph_of(p.last_offset(span.start)) >= para - 1]
            if not recent:
                spoke = next((b for o, b in reversed(self.history) if o < span.start and self.paragraph_of(o) >= para - 2), None)
                recent = [spoke] if spoke is not None and spoke in candidates else []
            if not recent:
                recent = [p for p in candidates if self.paragraph_of(p.last_offset(span.start)) >= para - 2]
            if recent:
                # "… outweighed even Princess Diana's landmark interview. / The duchess has hinted": someone named
                # as the owner of a thing is not who a role noun means while someone else is at hand
                scored = [(0, (not self._named_as_owner(p, span.start), *self._salience(p, span.start)), p) for p in recent]
        if not scored:
            return None
        best = max(scored, key=lambda x: (x[0], x[1]))[2]
        self._add_mention(best, span, "nominal")
        return best


def resolve_speakers(doc: Doc, attributions: list[Attribution]) -> tuple[tuple[Entity, ...], list[Attribution]]:
    """Resolve the source of each attribution to an entity of the article.

    Returns the article's entities (people named anywhere, plus the organisations and groups
    that speak) and the attributions with ``speaker`` set (None where the source is absent or
    cannot be resolved).

    Example:
        >>> doc = nlp("Mayor Ana Ruiz spoke first. “We will rebuild,” she said.")  # doctest: +SKIP
        >>> entities, attrs = resolve_speakers(doc, extract_attributions(doc))  # doctest: +SKIP
        >>> attrs[0].speaker.name  # doctest: +SKIP
        'Ana Ruiz'
    """
    resolver = _Resolver(doc)
    resolved: list[tuple[Attribution, EntityBuilder | None]] = []
    for a in sorted(attributions, key=lambda a: (a.source[0].start if a.source else (a.cue[0].start if a.cue else 0))):
        # "Cheorwon claimed the coldest temperature": a place used as a place speaks for no one
        author = finding_author(doc, a)  # "a study by X found": X; "city data show": no one
        if place_as_place(doc, a) or author == ():
            builder = None
        else:
            builder = resolver.resolve(a.source if author is None else author, a.cue)
        if builder is not None and (a.source or a.cue):
            resolver.history.append(((a.source or a.cue)[0].start, builder))
        resolved.append((a, builder))
    speaking = {id(b) for _, b in resolved if b is not None}
    # people the NER found only as a bare single word, never titled and never speaking, are too
    # often places or products ("the Kyiv regime") to list as entities
    people = [p for p in resolver.people if id(p) in speaking or p.titles or any(len(n.split()) > 1 for n in p.names)]
    builders = people + list(resolver.others.values())
    builders.sort(key=lambda b: min((m.span.start for m in b.mentions), default=0))
    for n, b in enumerate(builders, 1):
        b.id = f"e{n}"
    entities = tuple(
        Entity(
            id=b.id,
            name=b.name,
            kind=b.kind,
            aliases=tuple(sorted({n for n in b.names if n != b.name} | {m.span.text for m in b.mentions if m.form in ("surname", "name") and m.span.text != b.name})),
            titles=tuple(b.titles),
            nationality=b.nationality,
            mentions=tuple(sorted(b.mentions, key=lambda m: m.span.start)),
        )
        for b in builders
    )
    out = []
    for a, b in resolved:
        speaker = Speaker(b.id, b.name, b.kind) if b is not None else None
        out.append(dataclasses.replace(a, speaker=speaker))
    out.sort(key=lambda a: (a.content[0].start if a.content else 0, a.cue[0].start if a.cue else 0))
    return entities, out
