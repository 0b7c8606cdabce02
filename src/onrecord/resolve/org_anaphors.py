"""Definite organisation nouns as speakers ("the union said", "the ministry said", "the team said"): the
organisation the article names, when it names one the noun fits, else the noun itself.

A mixin of the speaker resolver (``speakers._Resolver``), which holds the article's entities, speakers
so far and paragraph map. In order of evidence:

* an organisation that spoke and whose name has the noun ("the United Nations food agency" … "the agency");
* an organisation named before whose name has the noun, or that the noun follows ("Ontario's Ministry
  of Health" … "the ministry", "the Teamsters union" … "the union"): the latest one;
* the organisation that spoke last, in this paragraph or the two before it; else the last one named as
  a subject there ("Tesla announced …" … "the company said");
* an organisation the article describes with the noun ("The UFCW is a private-sector union", "TransLink,
  the regional transit agency"), before the mention or else after it;
* the organisation the article is about: named as a subject (or in the first sentence) and more often
  than any other before the mention, for nouns of bodies that are not of the state (``data/roles.tsv``:
  "the team", not "the government", which an article names by its noun alone).
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from ..types import EntityKind, Span
from .mentions import EntityBuilder, is_heading
from .source_phrase import clean_name

#: entity labels of bodies a definite organisation noun can stand for
_BODY_LABELS = ("ORG", "FAC")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
#: lower-case words inside an organisation's name ("Food and Commercial Workers", "Bank of England")
_NAME_JOINERS = {"and", "of", "for", "&"}


class OrgAnaphora:
    def resolve_org_anaphor(self, head: Token, span: Span) -> EntityBuilder | None:
        """"The agency warned …" after "the United Nations food agency": the latest organisation so
        named; else the one the article names with that noun, the one that spoke last, the one named
        last as a subject, the one the article describes with that noun or the one it is about."""
        word = head.lower_
        best, best_offset = None, -1
        for builder in self.others.values():
            if builder.kind is EntityKind.ORGANISATION and word in builder.name.lower().split():
                offset = builder.last_offset(span.start)
                if offset > best_offset:
                    best, best_offset = builder, offset
        if best is not None:
            self._add_mention(best, span, "nominal")
            return best
        if any(c.dep_ == "poss" for c in head.children):
            return None  # "the billionaire's company": whose it is says which, not the article's organisations
        named = self._named_with_noun(head, span) or self._recent_organisation(head, span)
        if named is None:
            named = self._described_with_noun(head, span) or self._article_organisation(head, span)
        if isinstance(named, EntityBuilder):
            self._add_mention(named, span, "nominal")
            return named
        if named is not None:
            return self._other(named, EntityKind.ORGANISATION, span, "nominal")
        return None

    # ---------------------------------------------------------------- evidence
    def _bodies(self):
        """Organisation entities outside quotations and headings, not a person's name the NER took for one."""
        people = {n.lower() for p in self.people for n in p.names} | {s for p in self.people for s in p.surnames()}
        return [e for e in self.ents if e.label_ in _BODY_LABELS and not self.inside_quote[e.start]
                and not is_heading(self.doc, e.start) and clean_name(e.text).lower() not in people]

    def _named_with_noun(self, head: Token, span: Span) -> str | None:
        """"Ontario's Ministry of Health", "the Teamsters union", "the Japanese Red Cross Kobe Hospital"."""
        forms = {head.lower_, head.lemma_.lower()}
        found = []
        for e in self._bodies():
            words = [t for t in e if t.pos_ == "PROPN" and t.lower_ not in forms]
            if not words:
                continue  # "the Ministry": no name beside the noun
            after = self.doc[e.end] if e.end < len(self.doc) else None
            if any(t.lower_ in forms for t in e) or (after is not None and after.lower_ in forms and e.root.dep_ == "compound"):
                found.append(e)
        # named before only: "The department said …" is not the Florida Department of Transportation named later
        before = [e for e in found if e.end_char <= span.start]
        return clean_name(before[-1].text) if before else None

    def _recent_organisation(self, head: Token, span: Span) -> EntityBuilder | str | None:
        """"the company said" after "Tesla announced …": the organisation that spoke last, in this paragraph
        or the two before it, else the last one named there as a subject or an agent; not one whose name
        says it is another kind of body ("The department said" after the "… Transportation Trust" spoke)."""
        para = self.paragraph_of(span.start)
        spoke = next((b for o, b in reversed(self.history) if o < span.start and self.paragraph_of(o) >= para - 2 and b.kind is EntityKind.ORGANISATION), None)
        if spoke is not None:
            return spoke if self._fits(spoke.name, head) else None
        # subjects and agents only: "iPhone users" or "sued Google" name an organisation that is not the one talking
        named = [e for e in self.ents if e.label_ == "ORG" and e.end_char <= span.start and not self.inside_quote[e.start]
                 and (e.root.dep_ in _SUBJECT_DEPS or e.root.dep_ == "pobj" and e.root.head.lower_ == "by")
                 and self.paragraph_of(e.start_char) >= para - 2 and e.start_char not in self.by_offset and not is_heading(self.doc, e.start)]
        return clean_name(named[-1].text) if named and self._fits(named[-1].text, head) else None

    def _fits(self, name: str, head: Token) -> bool:
        """Whether an organisation's name can be called by the noun: not when its last word is an
        organisation noun of the other side of the state line (``public_org`` in ``data/roles.tsv``): the
        "Citizens' Independent Transportation Trust" is no department; "Metrolinx Corporation" can be the agency."""
        words = name.lower().split()
        last = words[-1].rstrip("s") if words and words[-1] not in self.lex.orgs else (words[-1] if words else "")
        forms = {head.lower_, head.lemma_.lower()}
        if last in forms or last not in self.lex.orgs:
            return True
        return (last in self.lex.state_bodies) == bool(forms & self.lex.state_bodies)

    def _described_with_noun(self, head: Token, span: Span) -> str | None:
        """"The UFCW is a private-sector union", "TransLink, the regional transit agency": a proper name
        (tagged or not: the small NER misses acronyms) the article says the noun of."""
        lemma = head.lemma_.lower()
        people = {n.lower() for p in self.people for n in p.names} | {s for p in self.people for s in p.surnames()}
        found = []
        for d in self.doc:
            if d.lemma_.lower() != lemma or d.pos_ != "NOUN" or d.i == head.i or self.inside_quote[d.i]:
                continue
            named = []
            if d.dep_ == "attr" and d.head.lemma_ == "be":
                named = [c for c in d.head.children if c.dep_ in _SUBJECT_DEPS]
            elif d.dep_ == "appos":
                named = [d.head]
            named += [c for c in d.children if c.dep_ == "appos"]
            for n in named:
                if n.pos_ != "PROPN" or n.ent_type_ not in ("", *_BODY_LABELS):
                    continue
                first = n
                while first.i > 0 and self.doc[first.i - 1].pos_ == "PROPN" and self.doc[first.i - 1].dep_ in ("compound", "flat"):
                    first = self.doc[first.i - 1]
                name = clean_name(self.doc[first.i : n.i + 1].text)
                if name.lower() not in people and name.split()[-1].lower() not in people:
                    found.append((n.idx, n.idx + len(n.text), name))
        before = [f for f in found if f[1] <= span.start]
        after = [f for f in found if f[0] >= span.end]
        chosen = before[-1] if before else after[0] if after else None
        return chosen[2] if chosen else None

    def _article_organisation(self, head: Token, span: Span) -> str | None:
        """The organisation the article is about before the mention: named as a subject at least once (or
        in the first sentence) and more often than any other, by a word of its name ("The Toronto Raptors" …
        "the Raptors"; "Massy Stores" … "the Massy staff"), for a noun of a body that is not of the state."""
        if head.lower_ in self.lex.state_bodies or head.lemma_.lower() in self.lex.state_bodies:
            return None
        bodies = [e for e in self._bodies() if e.label_ == "ORG" and e.end_char <= span.start]
        if not bodies:
            return None
        # counted wherever the word stands capitalised, as the NER misses repeats ("The Maple Leafs drafted him")
        words = {w for e in bodies for w in clean_name(e.text).split() if w[:1].isupper() and w.lower() not in ("the", "a")}
        counts = Counter(t.text for t in self.doc if t.idx < span.start and t.text in words and not self.inside_quote[t.i])
        n = max(counts.values(), default=0)
        top = {w for w, c in counts.items() if c == n}
        # the most frequent words must be of one name ("Toronto", "Maple", "Leafs"), not of two organisations
        if n < 2 or not any(top <= set(clean_name(e.text).split()) for e in bodies):
            return None
        named = [e for e in bodies if top & set(clean_name(e.text).split())]
        # the form it is the subject under, latest first ("the Louvre", not "Société des Amis du Louvre"),
        # else the one the article's first sentence names ("shoppers at Massy Stores were left frustrated")
        lead = next((s for s in self.doc.sents if not is_heading(self.doc, s.start)), None)
        chosen = [e for e in named if e.root.dep_ in _SUBJECT_DEPS] or [
            e for e in named if lead is not None and lead.start <= e.start < lead.end]
        return clean_name(chosen[-1].text) if chosen and self._fits(chosen[-1].text, head) else None

    def spelled_out(self, name: str) -> str | None:
        """The name an acronym stands for, when the article writes it out: "PBO" → "Parliamentary Budget
        Officer", "UFCW" → "United Food and Commercial Workers" (the initials of its capitalised words, in
        a chain of capitalised words outside quotations); None for any other name."""
        if not (3 <= len(name) <= 6 and name.isalpha() and name.isupper()):  # "UN", "AP": two letters fit too much
            return None
        chain: list = []
        for t in [*self.doc, None]:
            if t is not None and not self.inside_quote[t.i] and (t.is_title and t.is_alpha or chain and t.lower_ in _NAME_JOINERS):
                chain.append(t)
                continue
            while chain and chain[-1].lower_ in _NAME_JOINERS:
                chain.pop()
            # the acronym's letters from the chain's last words ("The Parliamentary Budget Officer")
            words = [w for w in chain if w.lower_ not in _NAME_JOINERS]
            if len(words) >= len(name) and "".join(w.text[0] for w in words[-len(name):]) == name:
                first = words[-len(name)]
                return clean_name(self.doc[first.i : chain[-1].i + 1].text)
            chain = []
        return None
