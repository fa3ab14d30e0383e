"""Recipe NER corpus: one JSON line per annotated paragraph, grouped by recipe_id."""
import json
import random
from collections import defaultdict

from spacy.training import Example


def read_records(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def split_by_recipe(records, dev_fraction, test_fraction, seed):
    by_recipe = defaultdict(list)
    for rec in records:
        by_recipe[rec["recipe_id"]].append(rec)
    recipe_ids = sorted(by_recipe)
    random.Random(seed).shuffle(recipe_ids)
    n_test = int(len(recipe_ids) * test_fraction)
    n_dev = int(len(recipe_ids) * dev_fraction)
    test_ids = recipe_ids[:n_test]
    dev_ids = recipe_ids[n_test:n_test + n_dev]
    train_ids = recipe_ids[n_test + n_dev:]

    def gather(ids):
        return [rec for rid in ids for rec in by_recipe[rid]]

    return gather(train_ids), gather(dev_ids), gather(test_ids)


def to_examples(nlp, records):
    examples = []
    for rec in records:
        doc = nlp.make_doc(rec["text"])
        ents = [(s["start"], s["end"], s["label"]) for s in rec["spans"]]
        examples.append(Example.from_dict(doc, {"entities": ents}))
    return examples
