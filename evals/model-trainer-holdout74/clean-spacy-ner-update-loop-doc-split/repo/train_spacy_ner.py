"""Train a spaCy NER component for recipe instructions with a hand-written update loop.

    python train_spacy_ner.py train.toml
"""
import json
import random
import sys
import tomllib
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import compounding, fix_random_seed, minibatch

from spacy_ner.corpus import read_records, split_by_recipe, to_examples


def gazetteer_baseline(lang, train_records, labels):
    nlp = spacy.blank(lang)
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    patterns = {
        (rec["text"][s["start"]:s["end"]].lower(), s["label"])
        for rec in train_records for s in rec["spans"] if s["label"] in labels
    }
    ruler.add_patterns([{"label": label, "pattern": text} for text, label in sorted(patterns)])
    return nlp


def main(cfg_path):
    cfg = tomllib.loads(Path(cfg_path).read_text())
    paths, split, tr = cfg["paths"], cfg["split"], cfg["training"]
    fix_random_seed(split["seed"])
    rng = random.Random(split["seed"])

    records = read_records(paths["corpus"])
    train_recs, dev_recs, test_recs = split_by_recipe(
        records, split["dev_fraction"], split["test_fraction"], split["seed"]
    )
    print(f"paragraphs: train={len(train_recs)} dev={len(dev_recs)} test={len(test_recs)}")

    nlp = spacy.blank(tr["lang"])
    ner = nlp.add_pipe("ner")
    for label in tr["labels"]:
        ner.add_label(label)
    train_examples = to_examples(nlp, train_recs)
    dev_examples = to_examples(nlp, dev_recs)

    optimizer = nlp.initialize(lambda: train_examples)
    optimizer.learn_rate = tr["learn_rate"]
    out_dir = Path(paths["output"])
    best_f, stale = -1.0, 0

    for epoch in range(tr["max_epochs"]):
        rng.shuffle(train_examples)
        losses = {}
        sizes = compounding(tr["batch_start"], tr["batch_stop"], tr["batch_compound"])
        for batch in minibatch(train_examples, size=sizes):
            nlp.update(batch, drop=tr["dropout"], sgd=optimizer, losses=losses)
        dev_scores = nlp.evaluate(dev_examples)
        print(f"epoch {epoch:02d} loss={losses['ner']:.1f} dev P={dev_scores['ents_p']:.3f} "
              f"R={dev_scores['ents_r']:.3f} F={dev_scores['ents_f']:.3f}")
        if dev_scores["ents_f"] > best_f:
            best_f, stale = dev_scores["ents_f"], 0
            nlp.to_disk(out_dir / "model-best")
        else:
            stale += 1
            if stale >= tr["patience"]:
                break

    best = spacy.load(out_dir / "model-best")
    test_examples = to_examples(best, test_recs)
    baseline = gazetteer_baseline(tr["lang"], train_recs, tr["labels"])
    base_examples = [Example(baseline.make_doc(ex.reference.text), ex.reference) for ex in test_examples]
    results = {"best_dev_f": best_f, "test": {}, "test_gazetteer_baseline": {}}
    for key, scorer_out in [("test", best.evaluate(test_examples)), ("test_gazetteer_baseline", baseline.evaluate(base_examples))]:
        results[key] = {k: scorer_out[k] for k in ("ents_p", "ents_r", "ents_f")}
        results[key]["per_type"] = scorer_out["ents_per_type"]
    print(json.dumps(results, indent=2))
    (out_dir / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "train.toml")
