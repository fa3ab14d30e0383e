import argparse
import logging
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
import yaml
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, models, transforms
from tqdm import tqdm

from utils import EarlyStopper, set_seed

logging.basicConfig(level=logging.INFO, format="%(asctime)s | %(message)s")
log = logging.getLogger("eurosat")


def channel_stats(dataset, indices, batch_size=256):
    """Mean/std per channel over the given (training) indices only."""
    loader = DataLoader(Subset(dataset, indices), batch_size=batch_size)
    total, sq, n = torch.zeros(3), torch.zeros(3), 0
    for x, _ in loader:
        total += x.sum(dim=(0, 2, 3))
        sq += (x ** 2).sum(dim=(0, 2, 3))
        n += x.numel() // 3
    mean = total / n
    return mean, (sq / n - mean ** 2).sqrt()


def build_loaders(cfg, gen):
    plain = datasets.ImageFolder(cfg["data_dir"], transform=transforms.ToTensor())
    idx = torch.randperm(len(plain), generator=gen).tolist()
    n_tr = int(cfg["split"]["train"] * len(idx))
    n_va = int(cfg["split"]["val"] * len(idx))
    tr_idx, va_idx, te_idx = idx[:n_tr], idx[n_tr:n_tr + n_va], idx[n_tr + n_va:]

    mean, std = channel_stats(plain, tr_idx)
    log.info("train-split channel mean %s std %s", mean.numpy().round(4), std.numpy().round(4))
    norm = transforms.Normalize(mean.tolist(), std.tolist())
    train_tf = transforms.Compose([transforms.RandomHorizontalFlip(), transforms.RandomVerticalFlip(),
                                   transforms.ToTensor(), norm])
    eval_tf = transforms.Compose([transforms.ToTensor(), norm])
    train_ds = Subset(datasets.ImageFolder(cfg["data_dir"], transform=train_tf), tr_idx)
    val_ds = Subset(datasets.ImageFolder(cfg["data_dir"], transform=eval_tf), va_idx)
    test_ds = Subset(datasets.ImageFolder(cfg["data_dir"], transform=eval_tf), te_idx)

    kw = dict(batch_size=cfg["batch_size"], num_workers=cfg["num_workers"], pin_memory=True)
    train_labels = [plain.targets[i] for i in tr_idx]
    return (DataLoader(train_ds, shuffle=True, generator=gen, **kw), DataLoader(val_ds, **kw),
            DataLoader(test_ds, **kw), plain.classes, train_labels, [plain.targets[i] for i in te_idx])


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    losses, preds, targets = [], [], []
    for x, y in loader:
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        logits = model(x)
        losses.append(F.cross_entropy(logits, y, reduction="sum").item())
        preds.append(logits.argmax(1).cpu())
        targets.append(y.cpu())
    p, t = torch.cat(preds).numpy(), torch.cat(targets).numpy()
    return {"loss": sum(losses) / len(t), "acc": accuracy_score(t, p), "macro_f1": f1_score(t, p, average="macro")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config/eurosat.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    gen = set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_dl, val_dl, test_dl, classes, train_labels, test_labels = build_loaders(cfg, gen)
    majority = np.bincount(train_labels).argmax()
    base = np.full(len(test_labels), majority)
    log.info("majority-class baseline on test: acc %.4f macro_f1 %.4f",
             accuracy_score(test_labels, base), f1_score(test_labels, base, average="macro"))

    model = getattr(models, cfg["model"])(weights=None, num_classes=len(classes)).to(device)
    opt = torch.optim.SGD(model.parameters(), **cfg["optimizer"])
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg["optimizer"]["lr"],
                                                total_steps=cfg["max_epochs"] * len(train_dl))
    stopper = EarlyStopper(cfg["early_stop_patience"])
    ckpt_dir = Path(cfg["checkpoint_dir"])
    ckpt_dir.mkdir(parents=True, exist_ok=True)

    for epoch in range(cfg["max_epochs"]):
        model.train()
        for x, y in tqdm(train_dl, desc=f"epoch {epoch}", leave=False):
            x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
            opt.zero_grad(set_to_none=True)
            loss = F.cross_entropy(model(x), y, label_smoothing=0.05)
            loss.backward()
            opt.step()
            sched.step()
        val = evaluate(model, val_dl, device)
        log.info("epoch %02d val loss %.4f acc %.4f f1 %.4f", epoch, val["loss"], val["acc"], val["macro_f1"])
        if stopper.step(val["loss"]):
            torch.save({"epoch": epoch, "model": model.state_dict(), "val": val}, ckpt_dir / "best.pt")
        if stopper.should_stop:
            log.info("no val improvement for %d epochs, stopping", stopper.patience)
            break

    best = torch.load(ckpt_dir / "best.pt", map_location=device)
    model.load_state_dict(best["model"])
    test = evaluate(model, test_dl, device)
    log.info("best epoch %d | TEST acc %.4f macro_f1 %.4f", best["epoch"], test["acc"], test["macro_f1"])


if __name__ == "__main__":
    main()
