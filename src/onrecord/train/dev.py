"""Dev-set steps of training: calibration, acceptance threshold, figures with the shared scorer, model card."""
from __future__ import annotations

import random

from ..attribution.model_merge import DEFAULT_POLICY, merge_parts, merge_with_rules
from ..attribution.rules import extract_rule_attributions
from .calibration import expected_calibration_error, fit_calibrator, reliability
from .data import GoldArticle

HEADLINE = ("attr/full", "attr/content", "attr/content+source", "span/content/exact", "span/cue/exact", "span/source/exact")


def _as_scorer_attr(a) -> dict:
    return {role: [s.as_pair() for s in getattr(a, role)] for role in ("source", "cue", "content")}


def _gold_of(scorer, articles: list[GoldArticle]) -> dict:
    return {
        a.id: {"text": a.text, "attributions": [{"source": list(g.source), "cue": list(g.cue), "content": list(g.content)} for g in a.attributions]}
        for a in articles
    }


def _is_right(scorer, tokens, pred: dict, gold_attrs: list[dict]) -> bool:
    """The shared scorer's attr/full test against any gold attribution of the article."""
    p = {role: scorer.span_tokens(tokens, pred[role]) for role in ("source", "cue", "content")}
    for g in gold_attrs:
        if scorer.dice(p["content"], g["content"]) < 0.5:
            continue
        if not ((p["source"] & g["source"]) or not (p["source"] or g["source"])):
            continue
        if (p["cue"] & g["cue"]) or not (p["cue"] or g["cue"]):
            return True
    return False


def calibrate_on_dev(model, dev: list[GoldArticle], docs: list, scorer, seed: int, progress) -> dict:
    """Fit the calibrator and the acceptance threshold on dev; ECE from 2-fold cross-fitting.

    Each candidate is labelled right or wrong with the scorer's attr/full criterion. The
    reported ECE and reliability table use probabilities from a calibrator fitted on the other
    half of the articles (held out); the shipped calibrator is then fitted on all of dev. The
    acceptance threshold maximises attr/full F1 of the cross-fitted probabilities.
    """
    gold = _gold_of(scorer, dev)
    rows = []  # (article index, scorer-format attribution, scores, kind, right)
    progress.start("calibrate", total=len(dev))
    for k, (art, doc) in enumerate(zip(dev, docs, strict=True)):
        tokens = scorer.tokenize(art.text)
        gold_attrs = scorer.as_token_attrs(tokens, gold[art.id]["attributions"])
        for attribution, scores in model.predict_scored(doc):
            pred = _as_scorer_attr(attribution)
            rows.append((k, pred, scores, attribution.type.value, _is_right(scorer, tokens, pred, gold_attrs)))
        progress.advance("calibrate")
    progress.finish("calibrate")
    right = [r[4] for r in rows]
    order = list(range(len(dev)))
    random.Random(seed).shuffle(order)
    fold = {article: n % 2 for n, article in enumerate(order)}
    held_out = [0.0] * len(rows)
    for f in (0, 1):
        part = [r for r in rows if fold[r[0]] != f]
        cal = fit_calibrator([r[2] for r in part], [r[3] for r in part], [r[4] for r in part])
        for i, r in enumerate(rows):
            if fold[r[0]] == f:
                held_out[i] = cal.probability(r[2], r[3])
    best = (-1.0, 0.0)
    for step in range(0, 13):
        threshold = step * 0.05
        preds = {a.id: [] for a in dev}
        for p, r in zip(held_out, rows):
            if p >= threshold:
                preds[dev[r[0]].id].append(r[1])
        f1 = scorer.score(gold, preds, 0.5)["attr/full"]["f1"]
        if f1 > best[0] + 1e-9:
            best = (f1, threshold)
    final = fit_calibrator([r[2] for r in rows], [r[3] for r in rows], right)
    in_sample = [final.probability(r[2], r[3]) for r in rows]
    kept = [i for i, p in enumerate(held_out) if p >= best[1]]
    return {
        **final.to_dict(),
        "target": "attr/full match of the shared scorer (content Dice >= 0.5, overlapping source and cue)",
        "fitted_on": f"{len(dev)} dev articles, {len(rows)} candidate attributions",
        "accept_threshold": best[1],
        "ece": {
            "cross_fitted_all": expected_calibration_error(held_out, right),
            "cross_fitted_kept": expected_calibration_error([held_out[i] for i in kept], [right[i] for i in kept]),
            "in_sample_all": expected_calibration_error(in_sample, right),
        },
        "reliability_cross_fitted": reliability(held_out, right),
    }


def fit_rule_confidence(model, dev: list[GoldArticle], docs: list, scorer) -> dict[str, float]:
    """Dev accuracy, per attribution type, of the rule attributions the merge keeps."""

    gold = _gold_of(scorer, dev)
    counts: dict[str, list[int]] = {}
    for art, doc in zip(dev, docs, strict=True):
        tokens = scorer.tokenize(art.text)
        gold_attrs = scorer.as_token_attrs(tokens, gold[art.id]["attributions"])
        winners, _, fill = merge_parts(model.predict(doc), extract_rule_attributions(doc), model.merge_policy, doc)
        for r in winners + fill:
            seen = counts.setdefault(r.type.value, [0, 0])
            seen[0] += _is_right(scorer, tokens, _as_scorer_attr(r), gold_attrs)
            seen[1] += 1
    # add-one smoothing keeps a type seen a few times away from 0 and 1
    return {kind: round((right + 1) / (total + 2), 4) for kind, (right, total) in sorted(counts.items())}


def score_on_dev(model, dev: list[GoldArticle], docs: list, scorer, subset_size: int) -> dict:
    """The shared scorer's figures of the finished model on dev (alone, and merged with the rules)
    and on its fixed first-N subset (model alone: what the tests recompute)."""

    gold = _gold_of(scorer, dev)
    runs = {"model": ({}, [], []), "merged": ({}, [], [])}
    for art, doc in zip(dev, docs, strict=True):
        found = model.predict(doc)
        merged = merge_with_rules(found, extract_rule_attributions(doc), model.rule_confidence, model.merge_policy, doc)
        tokens = scorer.tokenize(art.text)
        gold_attrs = scorer.as_token_attrs(tokens, gold[art.id]["attributions"])
        for name, attrs in (("model", found), ("merged", merged)):
            preds, probs, right = runs[name]
            preds[art.id] = [_as_scorer_attr(a) for a in attrs]
            for a, p in zip(attrs, preds[art.id]):
                probs.append(a.confidence)
                right.append(_is_right(scorer, tokens, p, gold_attrs))
    subset = [a.id for a in dev[:subset_size]]
    out = {}
    for name, (preds, probs, right) in runs.items():
        out["dev" if name == "model" else "dev_with_rules"] = {
            "articles": len(dev),
            "metrics": scorer.score(gold, preds, 0.5),
            "ece_in_sample": expected_calibration_error(probs, right),
        }
    preds = runs["model"][0]
    out["subset"] = {"ids": subset, "metrics": scorer.score({i: gold[i] for i in subset}, {i: preds[i] for i in subset}, 0.5)}
    return out


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def model_card(config: dict, calibration: dict, figures: dict, report: dict) -> str:
    """The model card written next to the weights (training data and terms, figures, use, limits)."""
    m, w = figures["dev"]["metrics"], figures["dev_with_rules"]["metrics"]
    rows = "\n".join(
        f"| {name} | {m[name]['precision']:.3f} | {m[name]['recall']:.3f} | {m[name]['f1']:.3f} | {w[name]['f1']:.3f} |"
        for name in HEADLINE
    )
    rel = "\n".join(
        f"| {r['bin']} | {r['count']} | {_fmt(r['confidence'])} | {_fmt(r['accuracy'])} |" for r in calibration["reliability_cross_fitted"]
    )
    data = config["training_data"]
    s = config["settings"]
    merge = {**DEFAULT_POLICY, **config["merge"]}  # what the merge applies to this config
    classes = config.get("clusters")
    word_classes = (
        f"""
Both taggers also read a word class per token: the nearest of {classes['k']} k-means centroids
(fitted on train, stored as {classes['file']}) to the token's contextual vector from the spaCy
pipeline's own tok2vec layer (doc.tensor), so rare cue words borrow from frequent ones of similar use.
"""
        if classes
        else ""
    )
    trade = w["attr/full"]["f1"] - m["attr/full"]["f1"]
    merge_note = (
        f"gains {trade * 100:.1f} points of dev attr/full over the model alone"
        if trade >= 0
        else f"trades {-trade * 100:.1f} points of dev attr/full for precision where only the model fires"
    )
    return f"""# onrecord attribution model — model card

Two linear-chain CRFs (python-crfsuite): a cue tagger over sentences and a role tagger that
labels source and content tokens for each cue, with features relative to that cue (dependency
relation to the cue's head, direction, distance, sentence offset, shared or adjacent
quotation). A logistic calibrator maps their marginal probabilities to the probability that an
attribution is right.
{word_classes}
## Training data and its terms
- Trained on {data['train_articles']} articles of the PolNeAR train split ({data['train']}); calibrated and
  measured on {data['dev_articles']} dev articles ({data['dev']}). PolNeAR: Newell, Margolin and Ruths, "An
  Attribution Relations Corpus for Political News", LREC 2018 (github: networkdynamics/PolNeAR).
- PolNeAR is released for research. Its texts are copyrighted news articles (US political news
  from seven publishers, 2015-2016); none of them is shipped here. The model holds only feature
  weights, among them word and lemma features learned from those texts.

## Dev figures (shared scorer, {figures['dev']['articles']} PolNeAR dev articles)
| metric | P | R | F1 | F1 with the rules |
|---|---|---|---|---|
{rows}

"With the rules" is what onrecord outputs: rule attributions with rule confidence >= {merge['rules_win_at']} win
where they overlap the model's; a model attribution overlapping a weaker rule one replaces it at
confidence >= {merge['model_over_rule_min']}; model attributions that no rule saw need confidence >= {merge['model_alone_min']} when
their content is a clause and >= {merge['model_alone_min_phrase']} when it is a bare phrase; the other rule
attributions fill in where nothing was kept (see onrecord.attribution.model_merge).

Calibration: expected calibration error {calibration['ece']['cross_fitted_all']:.4f} (10 equal bins, probabilities
from a calibrator fitted on the other half of dev, all candidates); {calibration['ece']['cross_fitted_kept']:.4f} on the
candidates kept (confidence >= {calibration['accept_threshold']:.2f}); {figures['dev']['ece_in_sample']:.4f} for the shipped
calibrator on the attributions it keeps (in-sample); {figures['dev_with_rules']['ece_in_sample']:.4f} on the
merged output, where rule attributions take their type's dev accuracy as confidence
({', '.join(f'{k} {v:.2f}' for k, v in calibration.get('rules', {}).items())}). The calibrator and the acceptance threshold
were fitted on dev, so dev figures are slightly optimistic.

Reliability (cross-fitted, all candidates):

| confidence bin | count | mean confidence | accuracy |
|---|---|---|---|
{rel}

Training: {report['timings_s'].get('total', 0):.0f} s in all (parse {report['timings_s'].get('parse', 0):.0f} s,
features {report['timings_s'].get('features', 0):.0f} s, cue CRF {report['timings_s'].get('cue_crf', 0):.0f} s, role CRF
{report['timings_s'].get('role_crf', 0):.0f} s); settings: seed {s['seed']}, cue c1={s['cue_c1']} c2={s['cue_c2']} {s['cue_iterations']} iterations,
role c1={s['role_c1']} c2={s['role_c2']} {s['role_iterations']} iterations. Size: {report['model_bytes'] / 1e6:.1f} MB.

## Intended use
Finding who said what in English news text: source, cue and content spans with calibrated
confidence, on documents parsed by the pinned spaCy pipeline ({config['spacy_pipeline']}) with
onrecord's paragraph component. Confidence is the probability that the attribution matches an
annotator's (content overlapping by Dice >= 0.5, overlapping source and cue), not the
probability that the content is true.

## Known limits
- Trained on 2015-2016 US political news; other domains, registers and eras will score lower.
- Cue recall is the main weakness: annotators mark a long tail of attitude and evidence cues
  ("backs", "signalled", "is expected") that a linear model over a small parser misses.
- Content boundaries follow PolNeAR's conventions (the complementiser "that" is included;
  quotation marks and edge punctuation are not decisive); other conventions differ.
- No nesting: PolNeAR (first annotator, as the shared scorer reads it) never marks a cue inside
  another attribution's content (0 of 1,951 speech verbs there in train), so the model reports
  "X said that Y claimed Z" as one attribution whose content holds Y's claim.
- The merge with the rules {merge_note}; its bars keep bare-phrase contents that only the
  model sees ("later clarified the remarks") out unless the model is confident, which costs some
  dev recall and keeps the seed article's attributions right.
- Sources are token spans; resolving them to speakers is done elsewhere (onrecord.resolve).
- A feature change in onrecord (parser, quotation finder) without retraining shifts the figures;
  tests recompute the dev subset figures stored in dev_scores.json.
"""
