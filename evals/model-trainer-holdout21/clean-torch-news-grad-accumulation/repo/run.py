"""python run.py --csv data/news.csv --epochs 30"""
import argparse
import json
import logging

import pandas as pd
import torch
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from torch.utils.data import DataLoader

from newscls.model import BagOfEmbeddings
from newscls.seeding import fix_seeds
from newscls.text import Vocab, collate
from newscls.trainer import Trainer

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/news.csv")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--accum-steps", type=int, default=4)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()

    gen = fix_seeds(args.seed)
    df = pd.read_csv(args.csv).dropna(subset=["text", "topic"]).drop_duplicates("text")
    labels = sorted(df["topic"].unique())
    df["y"] = df["topic"].map({t: i for i, t in enumerate(labels)})

    train_df, test_df = train_test_split(df, test_size=0.15, stratify=df["y"], random_state=args.seed)
    train_df, val_df = train_test_split(train_df, test_size=0.15, stratify=train_df["y"], random_state=args.seed)

    vocab = Vocab(train_df["text"])
    to_items = lambda frame: list(zip(frame["text"].map(vocab.encode), frame["y"]))
    train_dl = DataLoader(to_items(train_df), batch_size=args.batch_size, shuffle=True, collate_fn=collate, generator=gen)
    val_dl = DataLoader(to_items(val_df), batch_size=256, collate_fn=collate)
    test_dl = DataLoader(to_items(test_df), batch_size=256, collate_fn=collate)

    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = BagOfEmbeddings(len(vocab), len(labels))
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    trainer = Trainer(model, opt, torch.nn.CrossEntropyLoss(), device, accum_steps=args.accum_steps)
    best_val = trainer.fit(train_dl, val_dl, args.epochs)

    tfidf_lr = make_pipeline(TfidfVectorizer(min_df=3, ngram_range=(1, 2), sublinear_tf=True),
                             LogisticRegression(C=4.0, max_iter=2000))
    tfidf_lr.fit(train_df["text"], train_df["y"])
    base_pred = tfidf_lr.predict(test_df["text"])
    result = {
        "best_val": best_val,
        "test": trainer.evaluate(test_dl),
        "test_tfidf_logreg": {"accuracy": accuracy_score(test_df["y"], base_pred),
                              "macro_f1": f1_score(test_df["y"], base_pred, average="macro")},
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
