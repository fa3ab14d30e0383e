"""BiGRU sentiment classifier on the Stanford IMDB reviews (aclImdb folder layout)."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader

from textclf.evaluation import best_threshold, predict_proba, summarize
from textclf.model import BiGRUClassifier
from textclf.vocab import Vocab


def read_split(root, split):
    texts, labels = [], []
    for label, sub in ((1, "pos"), (0, "neg")):
        for f in sorted((Path(root) / split / sub).glob("*.txt")):
            texts.append(f.read_text(encoding="utf-8"))
            labels.append(label)
    return texts, np.array(labels)


def make_loader(vocab, texts, labels, batch_size, shuffle=False, generator=None):
    items = [(torch.tensor(vocab.encode(t)), int(y)) for t, y in zip(texts, labels)]

    def collate(batch):
        seqs, ys = zip(*batch)
        lengths = torch.tensor([len(s) for s in seqs])
        return pad_sequence(seqs, batch_first=True), lengths, torch.tensor(ys, dtype=torch.float32)

    return DataLoader(items, batch_size=batch_size, shuffle=shuffle, collate_fn=collate,
                      generator=generator)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/aclImdb")
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--patience", type=int, default=3)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--ckpt", default="bigru_best.pt")
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    texts, labels = read_split(args.root, "train")
    test_texts, test_labels = read_split(args.root, "test")
    tr_x, va_x, tr_y, va_y = train_test_split(texts, labels, test_size=0.1, stratify=labels,
                                              random_state=args.seed)

    vocab = Vocab().fit(tr_x)
    gen = torch.Generator().manual_seed(args.seed)
    train_dl = make_loader(vocab, tr_x, tr_y, 64, shuffle=True, generator=gen)
    val_dl = make_loader(vocab, va_x, va_y, 256)
    test_dl = make_loader(vocab, test_texts, test_labels, 256)

    model = BiGRUClassifier(len(vocab)).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.BCEWithLogitsLoss()

    best_auc, wait = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        for ids, lengths, y in train_dl:
            opt.zero_grad()
            loss = loss_fn(model(ids.to(device), lengths), y.to(device))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
        p_va, y_va = predict_proba(model, val_dl, device)
        val = summarize(p_va, y_va, 0.5)
        print(f"epoch {epoch}: val {val}")
        if val["roc_auc"] > best_auc:
            best_auc, wait = val["roc_auc"], 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            wait += 1
            if wait >= args.patience:
                break

    model.load_state_dict(torch.load(args.ckpt, map_location=device))
    p_va, y_va = predict_proba(model, val_dl, device)
    thr = best_threshold(p_va, y_va)

    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_features=200_000, sublinear_tf=True)
    logreg = LogisticRegression(C=4.0, max_iter=2000).fit(tfidf.fit_transform(tr_x), tr_y)
    thr_base = best_threshold(logreg.predict_proba(tfidf.transform(va_x))[:, 1], va_y)
    p_base = logreg.predict_proba(tfidf.transform(test_texts))[:, 1]

    p_te, y_te = predict_proba(model, test_dl, device)
    print(json.dumps({
        "threshold_from_val": thr,
        "tfidf_logreg_test": summarize(p_base, test_labels, thr_base),
        "bigru_test": summarize(p_te, y_te, thr),
    }, indent=2))


if __name__ == "__main__":
    main()
