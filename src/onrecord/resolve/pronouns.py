"""Pronoun sources: "he"/"she" to the nearest compatible person (the previous speaker of the paragraph,
recent subjects, never a name inside a quotation, never against the name's gender), "it" to the
organisation that spoke last (else the one named in the sentence), "they" to a group, an organisation or
people named together; a document with no owner ("according to the release") to the organisation that
spoke last.

A mixin of the speaker resolver (``speakers._Resolver``), which holds the article's people, history
of speakers and paragraph map.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..types import EntityKind, Span
from ..attribution.cues import load_cue_lexicon
from .lexicon import PLURAL_PRONOUNS, PRONOUN_GENDER, writing_nouns
from .mentions import ORG_LABELS, EntityBuilder
from ..nlp import doc_text
from .source_heads import said_of_people
from .source_phrase import clean_name, phrase_name


#: prepositions that open a sentence on the person it is about ("In Hajjaj's case", "For Ruiz")
TOPIC_PREPOSITIONS = {"in", "for", "like", "unlike"}
#: prepositions whose object is a place, never a person: "in Katy", "near Katy"
_PLACE_PREPOSITIONS = {"in", "near", "outside", "throughout"}
#: conjunctions of a clause that can open a sentence before its main clause ("As she concluded, X …")
FRONTED_MARKS = {"as", "when", "while", "after", "before", "since", "although", "though"}


class PronounResolution:
    def _candidates(self, before: int, gender: str | None) -> list[EntityBuilder]:
        out = []
        for p in self.people:
            if p.kind is not EntityKind.PERSON:
                continue
            if gender and p.gender and p.gender != gender:
                continue
            named = [m for m in p.mentions if m.span.start < before and not self._in_quote_char(m.span.start)]
            if named and not all(self._placed(m) for m in named):
                out.append(p)
        return out

    def _placed(self, mention) -> bool:
        """"a beauty salon in Katy": a name only ever right after "in", "near" (:data:`_PLACE_PREPOSITIONS`) is a place the NER took for a person."""
        span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.start > 0 and span.root.dep_ == "pobj" \
            and span.root.head.i == span.start - 1 and span.root.head.lower_ in _PLACE_PREPOSITIONS

    def _in_quote_char(self, offset: int) -> bool:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return bool(span is not None and len(span) and self.inside_quote[span.start])

    def _salience(self, p: EntityBuilder, offset: int, pronoun: bool = False) -> tuple:
        """Rank antecedents: previous speaker in the paragraph, then recent subjects, then recency."""
        para = self.paragraph_of(offset)
        last_speaker = next((b for o, b in reversed(self.history) if o < offset and self.paragraph_of(o) == para), None)
        if last_speaker is None and pronoun and self._opens_paragraph(offset) and not self._main_subject_before(offset):
            # "He said that … after Archie was born. / But he said …": a paragraph that opens with a pronoun goes
            # on with the previous paragraph's speaker, not with someone that speaker talked about
            last_speaker = next((b for o, b in reversed(self.history) if o < offset and self.paragraph_of(o) == para - 1), None)
        subj = max(
            (m.span.start for m in self.names if m.is_subject and not m.in_quote and m.span.start < offset and self.by_offset.get(m.span.start) is p),
            default=-1,
        )
        recent = max((m.span.start for m in p.mentions if m.span.start < offset and not self._in_quote_char(m.span.start)), default=-1)
        same_para = self.paragraph_of(recent) >= para - 1 if recent >= 0 else False
        return (p is last_speaker, same_para, subj >= 0 and self.paragraph_of(subj) >= para - 1, max(subj, recent))

    def _main_subject_before(self, offset: int) -> bool:
        """"Demi figured the stunt was adorable, so … she picked up the rose": a person named as the
        subject of the sentence's main verb before the pronoun, in its paragraph, is whom the paragraph
        is about, not the previous paragraph's speaker."""
        start = self.paragraph_starts[self.paragraph_of(offset)]
        return any(start <= m.span.start < offset and m.is_subject and not m.in_quote and m.root.head.dep_ == "ROOT" for m in self.names)

    def _opens_paragraph(self, offset: int) -> bool:
        """Whether the text at ``offset`` is in the first sentence of its paragraph."""
        token = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        if token is None or not len(token):
            return False
        return token[0].sent.start_char <= self.paragraph_starts[self.paragraph_of(offset)]

    def resolve_pronoun(self, head: Token, span: Span) -> EntityBuilder | None:
        word = head.lower_
        if word in PRONOUN_GENDER:
            gender = PRONOUN_GENDER[word]
            nominal = (self._fronted_topic(head, gender) or self._main_subject_after(head, gender)
                       or self._nominal_just_before(span.start, gender)
                       or self._introduced_just_before(span.start, gender) or self._subject_just_before(head, gender))
            if nominal is not None:
                self._add_mention(nominal, span, "pronoun")
                return nominal
            candidates = self._candidates(span.start, gender)
            if not candidates:
                return None
            best = max(candidates, key=lambda p: self._salience(p, span.start, pronoun=True))
            best.gender = best.gender or gender
            self._add_mention(best, span, "pronoun")
            return best
        if word == "it" and head.dep_ in ("nsubjpass", "expl"):
            return None  # "It is believed that …", "it was reported that …": impersonal, no one named
        if word in PLURAL_PRONOUNS or word == "it":
            # "it said": the organisation that spoke last; "they said": the group or organisation
            kinds = (EntityKind.ORGANISATION,) if word == "it" else (EntityKind.GROUP, EntityKind.ORGANISATION)
            para = self.paragraph_of(span.start)
            for offset, builder in reversed(self.history):
                if offset < span.start and self.paragraph_of(offset) >= para - 1 and (builder.kind in kinds or word == "it" and _bare_proper_name(builder)):
                    self._add_mention(builder, span, "pronoun")
                    return builder
            if word in PLURAL_PRONOUNS:
                return self._plural_group_before(head, span) or self._body_subject_before(head, plural=True)
            return self._organisation_before(head, span) or self._body_subject_before(head, plural=False)
        return None

    def _body_subject_before(self, head: Token, plural: bool) -> EntityBuilder | None:
        """"The union started a campaign … On Monday, they said …", "The airline cut 40 flights. It said …":
        with no organisation or group among the recent speakers, the subject of the sentence before (or of
        the main clause around a "they say" aside) when it names an organisation ("it", "they") or people
        ("they"): an organisation noun or name, or a plural people noun of ``data/roles.tsv``."""
        cue = head.head
        entry = load_cue_lexicon().entry(cue.lemma_.lower(), "VERB")
        if head.dep_ != "nsubj" or entry is None or not plural and entry.kind not in ("speech", "writing"):
            return None  # "it seems", "its decision to": no one speaks
        sent = head.sent
        roots = [self.doc[sent.start - 1].sent.root] if sent.start > 0 else []
        if cue.dep_ in ("parataxis", "ccomp") and cue.head.i != cue.i:  # "Turnout is low, they say, and …"
            roots.insert(0, cue.head)
        for root in roots:
            subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.pos_ == "PRON" or self.inside_quote[subject.i] or not self._names_a_body(subject, plural):
                continue
            tokens = self.doc[subject.left_edge.i : subject.right_edge.i + 1]
            found = self.resolve((Span.of(doc_text(self.doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)),), ())
            if found is not None and found.kind is not EntityKind.PERSON:
                return found
        return None

    def _names_a_body(self, subject: Token, plural: bool) -> bool:
        lemma, word = subject.lemma_.lower(), subject.lower_
        org = subject.ent_type_ == "ORG" or (word in self.lex.orgs or lemma in self.lex.orgs) and subject.tag_ in ("NN", "NNP")
        people = subject.tag_ in ("NNS", "NNPS") and (word in self.lex.groups or lemma in self.lex.roles or lemma in self.lex.person_nouns
                                                       or said_of_people(subject))  # "Others who have tracked his career"
        return org or plural and people

    def _organisation_before(self, head: Token, span: Span) -> EntityBuilder | None:
        """"Microsoft's goal … encompasses direct emissions …, it said": with no organisation among the
        recent speakers, the last one named in this sentence or the one before, outside quotations."""
        # "it" as the subject of a finite speech verb only: "It is believed …" names no one, nor does an
        # infinitive ("its decision to endorse")
        cue = head.head
        entry = load_cue_lexicon().entry(cue.lemma_.lower(), "VERB")
        if head.dep_ != "nsubj" or cue.tag_ not in ("VBD", "VBZ", "VBP") or entry is None or entry.kind not in ("speech", "writing"):
            return None
        sent = head.sent
        start = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        named = [e for e in self.ents if e.label_ == "ORG" and start <= e.start and e.end_char <= span.start and not self.inside_quote[e.start]]
        if not named:
            return None
        return self._other(clean_name(named[-1].text), EntityKind.ORGANISATION, span, "org")

    def issuer_of_document(self, tokens, span: Span) -> EntityBuilder | None:
        """"According to the release", "another release confirmed …": a document with no owner named is
        the organisation that spoke last, in this paragraph or the two before it."""
        root = tokens.root
        if root.lemma_.lower() not in writing_nouns() or root.tag_ != "NN" or tokens[0].lower_ not in ("the", "another", "a", "this", "that"):
            return None
        if any(t.pos_ not in ("DET", "ADJ") for t in tokens if t.i != root.i) or any(c.dep_ == "prep" for c in root.children):
            return None  # "the previous state Superior Court ruling in San Diego": its author is named in it
        para = self.paragraph_of(span.start)
        phrase = " ".join(span.text.lower().split())
        # "according to the release" again, paragraphs later: the one the same phrase stood for before
        same = next((b for o, b in reversed(self.history) if o < span.start and any(" ".join(m.span.text.lower().split()) == phrase for m in b.mentions)), None)
        spoke = same or next((b for o, b in reversed(self.history) if o < span.start and self.paragraph_of(o) >= para - 2 and b.kind is EntityKind.ORGANISATION), None)
        if spoke is not None:
            self._add_mention(spoke, span, "nominal")
        return spoke

    def _plural_group_before(self, head: Token, span: Span) -> EntityBuilder | None:
        """"Key to the Liberals' hopes … Almost all revenues, they promise, …": the plural party, people
        or organisation named in this sentence or the one before, outside quotations."""
        sent = head.sent
        start = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        plural = [(e.start, e.text) for e in self.ents if e.label_ in ORG_LABELS and start <= e.start and e.end_char <= span.start
                  and e.root.tag_ in ("NNPS", "NNS") and not self.inside_quote[e.start]]
        plural += [(t.i, t.text) for t in self.doc[start : head.i] if t.tag_ == "NNPS" and not t.ent_type_ and t.text[:1].isupper() and not self.inside_quote[t.i]]
        if not plural:
            return None
        # the first named is the topic ("the Liberals' hopes … out of Canadians' pockets")
        return self._other(clean_name(min(plural)[1]), EntityKind.GROUP, span, "group")

    def _introduced_just_before(self, offset: int, gender: str):
        """"… also produced results for Mississauga accountant Babatunji Farinloye, 50. “…,” he says.": a
        person named in full or with a description since the last speaker spoke, in this paragraph or
        the one before, is who the pronoun means when that person is the only one so named."""
        last_offset, last_speaker = max(((o, b) for o, b in self.history if o < offset), default=(-1, None), key=lambda x: x[0])
        para = self.paragraph_of(offset)
        # a person named in the last speaker's own sentence is who that speaker talked about ("Myers also
        # cited an idea from Frank Clayton")
        last_token = self.doc.char_span(last_offset, last_offset + 1, alignment_mode="expand") if last_offset >= 0 else None
        last_sent = last_token[0].sent.start if last_token is not None and len(last_token) else -1
        found = []
        for m in self.names:
            if not last_offset < m.span.start < offset or m.root.sent.start == last_sent:  # offsets first: .sent walks the parse
                continue
            p = self.by_offset.get(m.span.start)
            if p is None or p is last_speaker or p in found or m.in_quote:
                continue
            if (m.titles or len(m.name.split()) > 1) and self.paragraph_of(m.span.start) >= para - 1 and p.gender in (None, gender):
                found.append(p)
                introduced_at = m.span.start
        if len(found) != 1:
            return None
        # a person already known who is the subject after the newcomer is named ("… the Cloverdale Sport and Ice
        # Complex. …, McCallum was upbeat …. “…,” he said"): the paragraph went on with them, not the newcomer
        if any(introduced_at < m.span.start < offset and m.is_subject and not m.in_quote
               and self.by_offset.get(m.span.start) not in (None, found[0])
               and self.by_offset[m.span.start].gender in (None, gender) for m in self.names):
            return None
        return found[0]

    def _fronted_topic(self, head: Token, gender: str) -> EntityBuilder | None:
        """"In Hajjaj's case, she decided …", "For Ruiz, he said, …": the one person named in a phrase
        opening the sentence with a topic preposition is who the subject pronoun after it means."""
        sent = head.sent
        first = self.doc[sent.start]
        if first.lower_ not in TOPIC_PREPOSITIONS or first.dep_ != "prep" or not first.right_edge.i < head.i:
            return None
        people = {id(p): p for m in self.names if first.idx <= m.span.start < first.right_edge.idx and not m.in_quote
                  for p in [self.by_offset.get(m.span.start)] if p is not None and p.gender in (None, gender)}
        return next(iter(people.values())) if len(people) == 1 else None

    def _main_subject_after(self, head: Token, gender: str) -> EntityBuilder | None:
        """"As she concluded the debate, Deonarine proposed …": the subject of a clause opening the
        sentence is the person named as the subject of the main clause after it (not when the main clause
        has a pronoun of the same gender of its own: "When she arrived, Smith greeted her")."""
        clause = head.head
        if head.dep_ != "nsubj" or clause.dep_ != "advcl" or clause.i > clause.head.i:
            return None
        if not any(c.dep_ == "mark" and c.lower_ in FRONTED_MARKS for c in clause.children):
            return None
        main = clause.head
        subject = next((c for c in main.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
        if subject is None or any(t.lower_ in PRONOUN_GENDER and PRONOUN_GENDER[t.lower_] == gender and t.dep_ != "poss"
                                  for t in main.subtree if t.i > subject.i):
            return None
        person = next((self.by_offset.get(m.span.start) for m in self.names if m.root.i == subject.i and not m.in_quote), None)
        return person if person is not None and person.gender in (None, gender) else None

    def _subject_just_before(self, head: Token, gender: str) -> EntityBuilder | None:
        """"The man in red shorts led employees to believe … / In the video, he says …": "the man" or "the
        woman" as the subject of the sentence before, with no person named or speaking since."""
        if head.sent.start == 0:
            return None
        subject = next((c for c in self.doc[head.sent.start - 1].sent.root.children if c.dep_ == "nsubj"), None)
        if (subject is None or self.inside_quote[subject.i] or self.lex.person_nouns.get(subject.lemma_.lower()) != gender
                or not any(c.lower_ == "the" for c in subject.children)):
            return None
        if any(subject.idx < m.span.start < head.idx and not m.in_quote for m in self.names) or any(
                subject.idx <= o < head.idx and b.kind is EntityKind.PERSON for o, b in self.history):
            return None
        tokens = self.doc[subject.left_edge.i : subject.right_edge.i + 1]
        span = Span.of(doc_text(self.doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
        builder = self._other(phrase_name(tokens), EntityKind.UNRESOLVED, span, "nominal")
        self.person_nominals[id(builder)] = gender
        return builder

    def _nominal_just_before(self, offset: int, gender: str) -> EntityBuilder | None:
        """"A spokesperson for the employers said … “…,” he said.": the unnamed person who spoke last, in
        this paragraph or the one before, when no person is named between them."""
        last = next(((o, b) for o, b in reversed(self.history) if o < offset), None)
        if last is None or id(last[1]) not in self.person_nominals or self.paragraph_of(last[0]) < self.paragraph_of(offset) - 1:
            return None
        if self.person_nominals[id(last[1])] not in (None, gender):
            return None
        if any(last[0] < m.span.start < offset and not m.in_quote for m in self.names):
            return None
        return last[1]


def _bare_proper_name(builder: EntityBuilder) -> bool:
    """An unresolved speaker named by one capitalised word ("Facebook said"): an organisation to "it"."""
    return builder.kind is EntityKind.UNRESOLVED and len(builder.name.split()) == 1 and builder.name[:1].isupper()
