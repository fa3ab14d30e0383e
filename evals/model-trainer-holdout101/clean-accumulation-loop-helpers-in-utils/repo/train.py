"""TREC question-type classifier, plain PyTorch loop with gradient accumulation (fits on a T4)."""
import argparse
import math

import torch
from datasets import load_dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding, get_linear_schedule_with_warmup

from utils import EarlyStopper, save_checkpoint, seed_everything


def scores(y_true, y_pred):
    return {"accuracy": accuracy_score(y_true, y_pred), "macro_f1": f1_score(y_true, y_pred, average="macro")}


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    y_true, y_pred = [], []
    for batch in loader:
        labels = batch.pop("labels")
        logits = model(**{k: v.to(device) for k, v in batch.items()}).logits
        y_pred.extend(logits.argmax(-1).cpu().tolist())
        y_true.extend(labels.tolist())
    return scores(y_true, y_pred)


def main(a):
    gen = seed_everything(a.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    raw = load_dataset("CogComp/trec").rename_column("coarse_label", "labels").remove_columns("fine_label")
    parts = raw["train"].train_test_split(test_size=0.1, seed=a.seed, stratify_by_column="labels")
    train_raw, val_raw, test_raw = parts["train"], parts["test"], raw["test"]

    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True)
    lr = LogisticRegression(max_iter=3000, random_state=a.seed).fit(vec.fit_transform(train_raw["text"]), train_raw["labels"])
    print("baseline tfidf+lr test:", scores(test_raw["labels"], lr.predict(vec.transform(test_raw["text"]))))

    tok = AutoTokenizer.from_pretrained(a.model)
    encode = lambda b: tok(b["text"], truncation=True, max_length=48)
    train_ds, val_ds, test_ds = (d.map(encode, batched=True, remove_columns=["text"]) for d in (train_raw, val_raw, test_raw))
    collate = DataCollatorWithPadding(tok)
    train_dl = DataLoader(train_ds, batch_size=a.micro_batch, shuffle=True, collate_fn=collate, generator=gen)
    val_dl = DataLoader(val_ds, batch_size=128, collate_fn=collate)
    test_dl = DataLoader(test_ds, batch_size=128, collate_fn=collate)

    n_labels = raw["train"].features["labels"].num_classes
    model = AutoModelForSequenceClassification.from_pretrained(a.model, num_labels=n_labels).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=0.01)
    steps_per_epoch = math.ceil(len(train_dl) / a.accum)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(0.1 * steps_per_epoch * a.epochs), steps_per_epoch * a.epochs)
    stopper = EarlyStopper(patience=a.patience, mode="max")

    for epoch in range(1, a.epochs + 1):
        model.train()
        for i, batch in enumerate(train_dl, start=1):
            batch = {k: v.to(device) for k, v in batch.items()}
            (model(**batch).loss / a.accum).backward()
            if i % a.accum == 0 or i == len(train_dl):
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad(set_to_none=True)

        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch}: {val}")
        if stopper.step(val["macro_f1"]):
            save_checkpoint(model, tok, a.out, val)
        elif stopper.should_stop:
            print(f"no improvement for {a.patience} epochs, stopping")
            break

    best = AutoModelForSequenceClassification.from_pretrained(a.out).to(device)
    print("test:", evaluate(best, test_dl, device))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--model", default="roberta-base")
    p.add_argument("--seed", type=int, default=2718)
    p.add_argument("--lr", type=float, default=3e-5)
    p.add_argument("--epochs", type=int, default=8)
    p.add_argument("--micro-batch", dest="micro_batch", type=int, default=8)
    p.add_argument("--accum", type=int, default=4)
    p.add_argument("--patience", type=int, default=2)
    p.add_argument("--out", default="checkpoints/trec-roberta")
    main(p.parse_args())
