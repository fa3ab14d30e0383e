import json
import sys
from pathlib import Path

import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader
from torchvision.models import resnet18

from data import make_splits
from utils import EMA, seed_all


@torch.inference_mode()
def accuracy(model, loader, device):
    model.eval()
    hits = n = 0
    for x, y in loader:
        hits += (model(x.to(device)).argmax(1).cpu() == y).sum().item()
        n += len(y)
    return hits / n


def loop(loader):
    while True:
        yield from loader


def main(cfg_file="config.json"):
    cfg = json.loads(Path(cfg_file).read_text())
    seed_all(cfg["seed"])
    out = Path(cfg["out"]); out.mkdir(parents=True, exist_ok=True)
    dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    ds = make_splits(cfg)
    g = torch.Generator().manual_seed(cfg["seed"])
    lab = loop(DataLoader(ds["labeled"], cfg["batch_size"], shuffle=True, drop_last=True, generator=g))
    unl = loop(DataLoader(ds["unlabeled"], cfg["batch_size"] * cfg["uratio"], shuffle=True,
                          drop_last=True, num_workers=4, generator=g))
    val_dl = DataLoader(ds["val"], 256)
    test_dl = DataLoader(ds["test"], 256)

    model = resnet18(num_classes=10).to(dev)
    ema = EMA(model, cfg["ema_decay"])
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9, nesterov=True,
                          weight_decay=cfg["weight_decay"])

    best = 0.0
    for epoch in range(cfg["epochs"]):
        model.train()
        for _ in range(cfg["iters_per_epoch"]):
            x, y = next(lab)
            (xw, xs), _ = next(unl)
            x, y, xw, xs = x.to(dev), y.to(dev), xw.to(dev), xs.to(dev)

            with torch.no_grad():
                pw = torch.softmax(model(xw), dim=1)
                conf, pseudo = pw.max(dim=1)
                mask = conf.ge(cfg["tau"]).float()

            loss_s = F.cross_entropy(model(x), y)
            loss_u = (F.cross_entropy(model(xs), pseudo, reduction="none") * mask).mean()
            loss = loss_s + cfg["lambda_u"] * loss_u

            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            ema.update(model)

        val_acc = accuracy(ema.model, val_dl, dev)
        print(f"epoch {epoch:3d} loss_s {loss_s.item():.3f} loss_u {loss_u.item():.3f} "
              f"mask {mask.mean().item():.2f} val {val_acc:.4f}")
        if val_acc > best:
            best = val_acc
            torch.save(ema.model.state_dict(), out / "best_ema.pt")

    ema.model.load_state_dict(torch.load(out / "best_ema.pt", map_location=dev))
    test_acc = accuracy(ema.model, test_dl, dev)
    (out / "result.json").write_text(json.dumps({"best_val": best, "test": test_acc}, indent=2))
    print(f"best val {best:.4f} | test {test_acc:.4f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
