import argparse
import json
import logging
from pathlib import Path

import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, matthews_corrcoef
from torch.utils.data import DataLoader

from src.locnet.data import ProteinSeqs, aa_composition, collate, load_partitions
from src.locnet.engine import fit_epoch, score
from src.locnet.model import LocCNN
from src.locnet.utils import seed_everything

log = logging.getLogger("locnet")


def composition_baseline(train_df, valid_df, seed):
    clf = LogisticRegression(max_iter=3000, C=10.0, class_weight="balanced", random_state=seed)
    clf.fit(aa_composition(train_df["sequence"]), train_df["label"])
    pred = clf.predict(aa_composition(valid_df["sequence"]))
    y = valid_df["label"]
    return clf, {"acc": accuracy_score(y, pred), "macro_f1": f1_score(y, pred, average="macro"),
                 "mcc": matthews_corrcoef(y, pred)}


def main(args):
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_df, valid_df, test_df = load_partitions(args.csv)

    baseline, base_valid = composition_baseline(train_df, valid_df, args.seed)
    log.info("AA-composition logistic regression, valid: %s", base_valid)

    loaders = {
        "train": DataLoader(ProteinSeqs(train_df), batch_size=32, shuffle=True, collate_fn=collate,
                            generator=torch.Generator().manual_seed(args.seed)),
        "valid": DataLoader(ProteinSeqs(valid_df), batch_size=64, collate_fn=collate),
        "test": DataLoader(ProteinSeqs(test_df), batch_size=64, collate_fn=collate),
    }
    model = LocCNN().to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-2)
    class_counts = torch.bincount(torch.tensor(train_df["label"].to_numpy()), minlength=10).float()
    criterion = torch.nn.CrossEntropyLoss(weight=(class_counts.sum() / class_counts).clamp(max=20).to(device))

    ckpt = Path(args.out) / "locnet_best.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best, wait = -1.0, 0
    for epoch in range(args.epochs):
        loss = fit_epoch(model, loaders["train"], optimizer, criterion, device)
        valid = score(model, loaders["valid"], device)
        log.info("epoch %d loss %.4f valid %s", epoch, loss, valid)
        if valid["mcc"] > best:
            best, wait = valid["mcc"], 0
            torch.save(model.state_dict(), ckpt)
        elif (wait := wait + 1) >= args.patience:
            log.info("early stopping after epoch %d", epoch)
            break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test = score(model, loaders["test"], device)
    base_pred = baseline.predict(aa_composition(test_df["sequence"]))
    base_test = {"acc": accuracy_score(test_df["label"], base_pred),
                 "macro_f1": f1_score(test_df["label"], base_pred, average="macro"),
                 "mcc": matthews_corrcoef(test_df["label"], base_pred)}
    log.info("test CNN %s | test baseline %s", test, base_test)
    (Path(args.out) / "test.json").write_text(json.dumps({"cnn": test, "baseline": base_test}, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", default="data/deeploc_partitions.csv")
    parser.add_argument("--epochs", type=int, default=50)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--patience", type=int, default=7)
    parser.add_argument("--seed", type=int, default=99)
    parser.add_argument("--out", default="checkpoints")
    main(parser.parse_args())
