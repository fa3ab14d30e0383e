"""3-way review sentiment with product-grouped splits (no product appears in more than one split)."""
from pathlib import Path

import pandas as pd
import torch
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding
from transformers import get_linear_schedule_with_warmup

from reviewcls.loop import fit_epoch, score
from reviewcls.repro import seed_everything
from reviewcls.splits import grouped_train_val_test

CFG = yaml.safe_load(Path("config.yaml").read_text())
SENTIMENT = {1: 0, 2: 0, 3: 1, 4: 2, 5: 2}


class Encoded(torch.utils.data.Dataset):
    def __init__(self, frame, tokenizer):
        self.enc = tokenizer(frame["review_text"].tolist(), truncation=True, max_length=CFG["max_length"])
        self.labels = frame["label"].tolist()

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        return {**{k: v[i] for k, v in self.enc.items()}, "labels": self.labels[i]}


def main():
    gen = seed_everything(CFG["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    df = pd.read_parquet(CFG["data_path"]).dropna(subset=["review_text", "stars"])
    df["label"] = df["stars"].map(SENTIMENT)
    train_df, val_df, test_df = grouped_train_val_test(
        df, "label", CFG["group_column"], CFG["n_folds_test"], CFG["n_folds_val"], CFG["seed"])

    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True)
    lr = LogisticRegression(max_iter=3000, class_weight="balanced", random_state=CFG["seed"])
    lr.fit(tfidf.fit_transform(train_df["review_text"]), train_df["label"])
    base_pred = lr.predict(tfidf.transform(test_df["review_text"]))
    print("baseline", accuracy_score(test_df["label"], base_pred), f1_score(test_df["label"], base_pred, average="macro"))

    tok = AutoTokenizer.from_pretrained(CFG["encoder"])
    collate = DataCollatorWithPadding(tok)
    train_dl = DataLoader(Encoded(train_df, tok), batch_size=CFG["batch_size"], shuffle=True,
                          collate_fn=collate, generator=gen)
    val_dl = DataLoader(Encoded(val_df, tok), batch_size=128, collate_fn=collate)
    test_dl = DataLoader(Encoded(test_df, tok), batch_size=128, collate_fn=collate)

    model = AutoModelForSequenceClassification.from_pretrained(CFG["encoder"], num_labels=3).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=CFG["lr"], weight_decay=0.01)
    sched = get_linear_schedule_with_warmup(opt, len(train_dl) // 2, CFG["epochs"] * len(train_dl))

    ckpt = Path(CFG["checkpoint_dir"])
    ckpt.mkdir(parents=True, exist_ok=True)
    best, wait = -1.0, 0
    for epoch in range(CFG["epochs"]):
        loss = fit_epoch(model, train_dl, opt, sched, device)
        val = score(model, val_dl, device)
        print(f"epoch {epoch} loss {loss:.4f} val {val}")
        if val["macro_f1"] > best:
            best, wait = val["macro_f1"], 0
            torch.save(model.state_dict(), ckpt / "best.pt")
        elif (wait := wait + 1) >= CFG["patience"]:
            break

    model.load_state_dict(torch.load(ckpt / "best.pt", map_location=device))
    print("test", score(model, test_dl, device))


if __name__ == "__main__":
    main()
