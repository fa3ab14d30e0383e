"""Train a spaCy text classifier (exclusive classes) for customer-feedback categories.

Split: stratified 80/10/10 with a fixed seed. Early stopping and best-model saving on the dev split.
"""
import argparse
import json
import random
from pathlib import Path

import pandas as pd
import spacy
from sklearn.dummy import DummyClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch
from thinc.api import compounding

CATEGORIES = ["billing", "delivery", "product_quality", "app_usability"]


def to_examples(nlp, frame):
    examples = []
    for text, cat in zip(frame["lemmas"], frame["category"]):
        cats = {c: float(c == cat) for c in CATEGORIES}
        examples.append(Example.from_dict(nlp.make_doc(text), {"cats": cats}))
    return examples


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/feedback_lemmas.csv")
    ap.add_argument("--out", default="models/textcat_feedback")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-epochs", type=int, default=30)
    ap.add_argument("--patience", type=int, default=4)
    ap.add_argument("--dropout", type=float, default=0.2)
    args = ap.parse_args()

    fix_random_seed(args.seed)
    random.seed(args.seed)

    df = pd.read_csv(args.data)
    df = df[df["category"].isin(CATEGORIES)].drop_duplicates(subset="lemmas")
    train_df, rest = train_test_split(df, test_size=0.2, stratify=df["category"], random_state=args.seed)
    dev_df, test_df = train_test_split(rest, test_size=0.5, stratify=rest["category"], random_state=args.seed)

    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat")
    for c in CATEGORIES:
        textcat.add_label(c)

    train_ex, dev_ex, test_ex = (to_examples(nlp, f) for f in (train_df, dev_df, test_df))
    optimizer = nlp.initialize(lambda: train_ex)

    majority = DummyClassifier(strategy="most_frequent").fit(train_df["lemmas"], train_df["category"])
    print("majority macro-F1 on dev:",
          round(f1_score(dev_df["category"], majority.predict(dev_df["lemmas"]), average="macro"), 4))

    best, stale, out_dir = -1.0, 0, Path(args.out)
    for epoch in range(args.max_epochs):
        random.shuffle(train_ex)
        losses = {}
        for batch in minibatch(train_ex, size=compounding(8.0, 64.0, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=args.dropout, losses=losses)
        dev_scores = nlp.evaluate(dev_ex)
        print(f"epoch {epoch:02d} loss {losses['textcat']:.3f} dev macro-F {dev_scores['cats_macro_f']:.4f} "
              f"macro-AUC {dev_scores['cats_macro_auc']:.4f}")
        if dev_scores["cats_macro_f"] > best:
            best, stale = dev_scores["cats_macro_f"], 0
            nlp.to_disk(out_dir / "model-best")
        else:
            stale += 1
            if stale >= args.patience:
                print("early stopping")
                break

    best_nlp = spacy.load(out_dir / "model-best")
    test_scores = best_nlp.evaluate(test_ex)
    summary = {
        "dev_best_macro_f": best,
        "test_macro_f": test_scores["cats_macro_f"],
        "test_macro_auc": test_scores["cats_macro_auc"],
        "test_majority_macro_f": f1_score(test_df["category"], majority.predict(test_df["lemmas"]),
                                          average="macro"),
    }
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
