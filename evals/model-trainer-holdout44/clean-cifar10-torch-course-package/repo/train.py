"""Assignment 4: CIFAR-10 — compare a simple CNN baseline with a small ResNet."""
import argparse
import json
from pathlib import Path

import torch
import torch.nn.functional as F
import yaml
from sklearn.metrics import f1_score

from cifar.data import make_loaders
from cifar.models import ARCHS
from cifar.utils import EarlyStopper, evaluating, seed_everything


def run_epoch(model, loader, optimizer, device):
    model.train()
    total = 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
    return total / len(loader.dataset)


def predict(model, loader, device):
    losses, preds, targets = 0.0, [], []
    with evaluating(model):
        for x, y in loader:
            logits = model(x.to(device))
            losses += F.cross_entropy(logits, y.to(device), reduction="sum").item()
            preds.append(logits.argmax(1).cpu())
            targets.append(y)
    preds, targets = torch.cat(preds), torch.cat(targets)
    return {"loss": losses / len(targets), "acc": (preds == targets).float().mean().item(),
            "macro_f1": f1_score(targets, preds, average="macro")}


def train_arch(arch, cfg, loaders, device):
    train_loader, val_loader, _ = loaders
    tcfg = cfg["train"]
    model = ARCHS[arch]().to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=tcfg["lr"], momentum=tcfg["momentum"],
                                weight_decay=tcfg["weight_decay"], nesterov=True)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=tcfg["epochs"])
    stopper = EarlyStopper(tcfg["patience"])
    ckpt = Path(tcfg["checkpoint_dir"]) / f"{arch}.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    for epoch in range(tcfg["epochs"]):
        train_loss = run_epoch(model, train_loader, optimizer, device)
        scheduler.step()
        val = predict(model, val_loader, device)
        print(f"[{arch}] epoch {epoch:3d} train {train_loss:.4f} val {val['loss']:.4f} acc {val['acc']:.4f}")
        if stopper.step(val["loss"]):
            torch.save(model.state_dict(), ckpt)
        if stopper.should_stop:
            break
    model.load_state_dict(torch.load(ckpt, map_location=device))
    return model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/default.yaml")
    cfg = yaml.safe_load(open(parser.parse_args().config))
    generator = seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    loaders = make_loaders(cfg["data"], generator)

    results = {}
    for arch in cfg["train"]["archs"]:
        model = train_arch(arch, cfg, loaders, device)
        results[arch] = predict(model, loaders[2], device)
        print(arch, results[arch])
    Path("results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
