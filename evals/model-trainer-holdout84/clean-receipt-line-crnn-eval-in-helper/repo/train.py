"""Printed receipt line recognizer (CRNN + CTC) compared against the Tesseract output we use today."""
import argparse
import json
from pathlib import Path

import pandas as pd
import torch
import yaml
from torch.utils.data import DataLoader

from rlr.data import LineCrops, Vocab, pad_collate
from rlr.engine import fit_epoch, run_eval
from rlr.model import ReceiptCRNN
from rlr.textmetrics import char_error_rate, line_accuracy, word_error_rate
from rlr.utils import seed_all, seeded_generator


def main(cfg):
    seed_all(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    man = {k: pd.read_csv(v) for k, v in cfg["manifests"].items()}
    vocab = Vocab(man["train"]["text"])

    def loader(split, shuffle):
        ds = LineCrops(man[split], vocab, cfg["image_height"])
        return DataLoader(ds, batch_size=cfg["batch_size"], shuffle=shuffle, collate_fn=pad_collate,
                          num_workers=4, generator=seeded_generator(cfg["seed"]))

    train_dl, val_dl, test_dl = loader("train", True), loader("val", False), loader("test", False)
    model = ReceiptCRNN(len(vocab), cfg["image_height"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"])

    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best, waited = float("inf"), 0
    for epoch in range(cfg["epochs"]):
        train_loss = fit_epoch(model, train_dl, optimizer, device)
        val = run_eval(model, val_dl, vocab.decode, device)
        print(f"[{epoch:02d}] train_loss={train_loss:.4f} " + " ".join(f"val_{k}={v:.4f}" for k, v in val.items()))
        if val["cer"] < best:
            best, waited = val["cer"], 0
            torch.save({"model": model.state_dict(), "symbols": vocab.symbols}, ckpt)
        else:
            waited += 1
            if waited >= cfg["patience"]:
                print(f"no val CER improvement for {waited} epochs, stopping")
                break

    model.load_state_dict(torch.load(ckpt, map_location=device)["model"])
    test = run_eval(model, test_dl, vocab.decode, device)

    tess_hyp = man["test"]["tesseract_text"].fillna("").tolist()
    refs = man["test"]["text"].tolist()
    baseline = {
        "cer": char_error_rate(tess_hyp, refs),
        "wer": word_error_rate(tess_hyp, refs),
        "line_acc": line_accuracy(tess_hyp, refs),
    }
    print(json.dumps({"tesseract_baseline": baseline, "crnn": test}, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="conf/default.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
