import argparse
import json
import logging
from collections import Counter
from pathlib import Path

import torch
import yaml
from sklearn.metrics import balanced_accuracy_score, f1_score
from torch.utils.data import DataLoader

from src.factorysound.dataset import ClipDataset, split_dataset
from src.factorysound.model import SpecResNet
from src.factorysound.trainer import Trainer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(parser.parse_args().config))
    logging.basicConfig(level=logging.INFO)
    out = Path(cfg["output_dir"]) / cfg["experiment"]
    out.mkdir(parents=True, exist_ok=True)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    d = cfg["data"]
    ds = ClipDataset(d["manifest"], d["sample_rate"], d["n_mels"])
    train_set, val_set, test_set = split_dataset(ds, d["val_frac"], d["test_frac"])

    o = cfg["optim"]
    train_dl = DataLoader(train_set, batch_size=o["batch_size"], shuffle=True, num_workers=4)
    val_dl = DataLoader(val_set, batch_size=o["batch_size"], num_workers=4)
    test_dl = DataLoader(test_set, batch_size=o["batch_size"], num_workers=4)

    model = SpecResNet(len(ds.classes)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=o["lr"], weight_decay=1e-4)
    trainer = Trainer(model, optimizer, device, out / "best.pt", o["patience"])
    best_val = trainer.fit(train_dl, val_dl, o["epochs"])

    test = trainer.evaluate(test_dl)
    train_labels = [ds.df.label.iloc[i] for i in train_set.indices]
    test_labels = [ds.classes.index(ds.df.label.iloc[i]) for i in test_set.indices]
    majority = ds.classes.index(Counter(train_labels).most_common(1)[0][0])
    baseline = {"macro_f1": f1_score(test_labels, [majority] * len(test_labels), average="macro"),
                "bal_acc": balanced_accuracy_score(test_labels, [majority] * len(test_labels))}
    logging.info("best val macro_f1 %.4f | test %s | majority baseline %s", best_val, test, baseline)
    json.dump({"best_val_macro_f1": best_val, "test": test, "baseline": baseline}, open(out / "metrics.json", "w"), indent=2)


if __name__ == "__main__":
    main()
