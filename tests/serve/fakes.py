"""An in-memory stand-in for :class:`onrecord.serve.queries.StoreView`, to test routes and pages at the seam.

It keeps analysed articles as schema dicts and answers the same calls with the same shapes; speakers are keyed
by name (a toy version of the store's cross-article resolution). The real store is tested in ``tests/store``
and, through the web app, in ``test_store_pages.py``.
"""
from __future__ import annotations

import datetime as dt

from onrecord.errors import ArticleNotFound, EntityNotFound
from onrecord.serialize import article_to_dict


def _slug(name: str) -> str:
    return "-".join(name.lower().split())


class FakeStoreView:
    def __init__(self, articles=()):
        self._articles: dict[str, dict] = {}
        self.add_articles(list(articles))

    def close(self):
        pass

    # ------------------------------------------------------------ writes

    def add_articles(self, articles) -> list[dict]:
        out = []
        for article in articles:
            d = article_to_dict(article)
            created = all(a["text_sha256"] != d["text_sha256"] for a in self._articles.values())
            if created:
                for attribution in d["attributions"]:
                    if attribution["speaker"]:
                        attribution["speaker"]["id"] = _slug(attribution["speaker"]["name"])
                self._articles[d["id"]] = d
            out.append({"id": d["id"], "created": created, "attributions": len(d["attributions"])})
        return out

    # ------------------------------------------------------------ reads

    def article(self, article_id: str) -> dict:
        if article_id not in self._articles:
            raise ArticleNotFound(f"no article {article_id!r}")
        return self._articles[article_id]

    def articles(self, q=None, limit=50, offset=0) -> dict:
        items = [
            {"id": a["id"], "title": a["title"], "published": a["published"], "outlet": a["outlet"], "url": a["url"], "attributions": len(a["attributions"])}
            for a in self._articles.values()
            if not q or q.lower() in (a["title"] or "").lower()
        ]
        items.sort(key=lambda a: a["published"] or "", reverse=True)
        return {"total": len(items), "items": items[offset : offset + limit]}

    def _quotes(self):
        for a in self._articles.values():
            for i, attribution in enumerate(a["attributions"]):
                yield {
                    "article_id": a["id"],
                    "article_title": a["title"],
                    "published": a["published"],
                    "outlet": a["outlet"],
                    "index": i,
                    "speaker": attribution["speaker"],
                    "source_text": attribution["source_text"],
                    "cue_text": attribution["cue_text"],
                    "content_text": attribution["content_text"],
                    "content": attribution["content"],
                    "type": attribution["type"],
                    "cue_lemma": attribution["cue_lemma"],
                    "confidence": attribution["confidence"],
                    "stance": (attribution["claim"] or {}).get("stance"),
                    "said_on": attribution["said_on"],
                }

    def quotes(self, speaker=None, speaker_id=None, since=None, until=None, stance=None, q=None, limit=50, offset=0, oldest_first=False) -> dict:
        def keep(quote):
            who = quote["speaker"]
            day = quote["said_on"] or quote["published"]
            return (
                (speaker is None or (who and speaker.lower() in (who["name"].lower(), who["id"])))
                and (speaker_id is None or (who and who["id"] == speaker_id))
                and (since is None or (day and day >= since.isoformat()))
                and (until is None or (day and day <= until.isoformat()))
                and (stance is None or quote["stance"] == stance)
                and (q is None or all(w.lower() in quote["content_text"].lower() for w in q.split()))
            )

        items = [quote for quote in self._quotes() if keep(quote)]
        items.sort(key=lambda quote: quote["said_on"] or quote["published"] or "", reverse=not oldest_first)
        return {"total": len(items), "items": items[offset : offset + limit]}

    def _speakers(self) -> dict[str, dict]:
        speakers: dict[str, dict] = {}
        for quote in self._quotes():
            who = quote["speaker"]
            if not who:
                continue
            s = speakers.setdefault(who["id"], {**who, "quotes": 0, "_articles": set(), "_days": [], "outlets": []})
            s["quotes"] += 1
            s["_articles"].add(quote["article_id"])
            if quote["published"]:
                s["_days"].append(quote["published"])
            if quote["outlet"] and quote["outlet"] not in s["outlets"]:
                s["outlets"].append(quote["outlet"])
        for s in speakers.values():
            s["articles"] = len(s.pop("_articles"))
            days = sorted(s.pop("_days"))
            s["first_seen"], s["last_seen"] = (days[0], days[-1]) if days else (None, None)
        return speakers

    def speakers(self, q=None, kind=None, limit=50, offset=0) -> dict:
        items = [s for s in self._speakers().values() if (not q or q.lower() in s["name"].lower()) and (not kind or s["kind"] == kind)]
        items.sort(key=lambda s: (-s["quotes"], s["name"]))
        return {"total": len(items), "items": items[offset : offset + limit]}

    def speaker(self, speaker_id: str) -> dict:
        speakers = self._speakers()
        if speaker_id not in speakers:
            raise EntityNotFound(f"no speaker {speaker_id!r}")
        aliases, roles = set(), []
        for a in self._articles.values():
            for e in a["entities"]:
                if _slug(e["name"]) == speaker_id:
                    aliases.update(x for x in e["aliases"] if x != e["name"])
                    roles += [{"title": t, "first_seen": a["published"], "last_seen": a["published"]} for t in e["titles"]]
        return {**speakers[speaker_id], "aliases": sorted(aliases), "roles": roles}

    def statement_dates(self, speaker_id: str, limit: int = 3000) -> list[tuple]:
        out = []
        for quote in self.quotes(speaker_id=speaker_id, limit=limit, oldest_first=True)["items"]:
            day = quote["said_on"] or quote["published"]
            out.append((dt.date.fromisoformat(day) if day else None, quote["article_id"], quote["index"], quote["content_text"][:120]))
        return out
