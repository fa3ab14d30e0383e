import argparse
import json
import logging
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, DataCollatorWithPadding, get_linear_schedule_with_warmup

from podtag.data import TOPICS, build_splits
from podtag.loop import best_threshold, predict, report, run_epoch

log = logging.getLogger("podtag")


def main():
    ap = argparse.ArgumentParser("podcast topic tagger")
    ap.add_argument("--data", default="data/episodes.jsonl")
    ap.add_argument("--model", default="distilroberta-base")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--lr", type=float, default=3e-5)
    ap.add_argument("--bs", type=int, default=32)
    ap.add_argument("--patience", type=int, default=2)
    ap.add_argument("--out", default="runs/podtag")
    a = ap.parse_args()
    device = "cuda" if torch.cuda.is_available() else "cpu"

    tok, tr, va, te = build_splits(a.data, a.model)
    collate = DataCollatorWithPadding(tok)
    dl_tr = DataLoader(tr.with_format("torch"), batch_size=a.bs, shuffle=True, collate_fn=collate)
    dl_va = DataLoader(va.with_format("torch"), batch_size=128, collate_fn=collate)
    dl_te = DataLoader(te.with_format("torch"), batch_size=128, collate_fn=collate)

    model = AutoModelForSequenceClassification.from_pretrained(
        a.model, num_labels=len(TOPICS), problem_type="multi_label_classification").to(device)
    optim = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=0.01)
    total = a.epochs * len(dl_tr)
    sched = get_linear_schedule_with_warmup(optim, int(0.06 * total), total)

    # label-frequency baseline: tag every episode with topics seen in >= 20% of training episodes
    prior = np.asarray(tr["labels"]).mean(axis=0)

    best, wait, out = -1.0, 0, Path(a.out)
    for ep in range(a.epochs):
        loss = run_epoch(model, dl_tr, optim, sched, device)
        p_va, g_va = predict(model, dl_va, device)
        thr = best_threshold(p_va, g_va)
        m = report(p_va, g_va, thr)
        log.info("epoch %d loss %.4f val %s", ep, loss, m)
        if m["micro_f1"] > best:
            best, wait = m["micro_f1"], 0
            model.save_pretrained(out / "best")
            tok.save_pretrained(out / "best")
            (out / "threshold.json").write_text(json.dumps({"thr": thr}))
        else:
            wait += 1
            if wait >= a.patience:
                break

    model = AutoModelForSequenceClassification.from_pretrained(out / "best").to(device)
    thr = json.loads((out / "threshold.json").read_text())["thr"]
    p_te, g_te = predict(model, dl_te, device)
    log.info("test %s", report(p_te, g_te, thr))
    log.info("baseline %s", report(np.tile(prior, (len(g_te), 1)), g_te, 0.2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
