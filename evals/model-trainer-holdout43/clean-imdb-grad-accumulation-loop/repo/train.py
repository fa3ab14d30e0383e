"""BERT-base on IMDB with 512-token inputs; gradient accumulation to fit an effective batch of 32."""
import json
import math
import tomllib
from pathlib import Path

import torch
from datasets import load_dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from torch.utils.data import DataLoader
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    get_linear_schedule_with_warmup,
)

from imdbft.engine import evaluate, train_one_epoch
from imdbft.utils import seeded_generator, set_seed

CFG = tomllib.loads(Path("train_config.toml").read_text())


def tfidf_reference(train, test, seed):
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_features=200_000, sublinear_tf=True)
    clf = LogisticRegression(C=4.0, max_iter=3000, random_state=seed)
    clf.fit(vec.fit_transform(train["text"]), train["label"])
    scores = clf.predict_proba(vec.transform(test["text"]))[:, 1]
    preds = (scores >= 0.5).astype(int)
    return {"accuracy": accuracy_score(test["label"], preds), "f1": f1_score(test["label"], preds),
            "roc_auc": roc_auc_score(test["label"], scores)}


def main():
    seed, run, opt = CFG["run"]["seed"], CFG["run"], CFG["optim"]
    set_seed(seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    imdb = load_dataset("imdb")
    parts = imdb["train"].train_test_split(test_size=CFG["data"]["val_fraction"], seed=seed,
                                           stratify_by_column="label")
    train_raw, val_raw, test_raw = parts["train"], parts["test"], imdb["test"]
    print("tfidf reference (test):", tfidf_reference(train_raw, test_raw, seed))

    tokenizer = AutoTokenizer.from_pretrained(CFG["model"]["name"])
    prep = lambda ds: ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=CFG["model"]["max_length"]),
                             batched=True, remove_columns=["text"]).rename_column("label", "labels")
    collate = DataCollatorWithPadding(tokenizer, pad_to_multiple_of=8)
    train_dl = DataLoader(prep(train_raw), batch_size=opt["micro_batch_size"], shuffle=True,
                          collate_fn=collate, generator=seeded_generator(seed))
    val_dl = DataLoader(prep(val_raw), batch_size=32, collate_fn=collate)
    test_dl = DataLoader(prep(test_raw), batch_size=32, collate_fn=collate)

    model = AutoModelForSequenceClassification.from_pretrained(CFG["model"]["name"], num_labels=2).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=opt["lr"], weight_decay=opt["weight_decay"])
    updates = run["epochs"] * math.ceil(len(train_dl) / opt["grad_accum_steps"])
    scheduler = get_linear_schedule_with_warmup(optimizer, int(opt["warmup_ratio"] * updates), updates)

    out = Path(run["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    best_auc, stale = -1.0, 0
    for epoch in range(run["epochs"]):
        loss = train_one_epoch(model, train_dl, optimizer, scheduler, device,
                               opt["grad_accum_steps"], opt["max_grad_norm"])
        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch} train_loss={loss:.4f} val={val}")
        if val["roc_auc"] > best_auc:
            best_auc, stale = val["roc_auc"], 0
            model.save_pretrained(out / "best")
            tokenizer.save_pretrained(out / "best")
        else:
            stale += 1
            if stale >= run["patience"]:
                print("early stop")
                break

    model = AutoModelForSequenceClassification.from_pretrained(out / "best").to(device)
    test = evaluate(model, test_dl, device)
    print("test:", test)
    (out / "test_metrics.json").write_text(json.dumps(test, indent=2))


if __name__ == "__main__":
    main()
