import random
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
import yaml
from torch.utils.data import DataLoader

from data import build_datasets
from model import SmallConvNet


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def forever(loader):
    while True:
        for batch in loader:
            yield batch


@torch.no_grad()
def evaluate(model, loader, device):
    correct, total = 0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        correct += (logits.argmax(1) == y).sum().item()
        total += y.numel()
    return correct / total


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    labeled, unlabeled, val, test = build_datasets(cfg["data_root"], cfg["n_labeled"], cfg["n_val"], cfg["seed"])
    bs, nw = cfg["batch_size"], cfg["num_workers"]
    lab_iter = forever(DataLoader(labeled, bs, shuffle=True, drop_last=True, num_workers=nw))
    unl_iter = forever(DataLoader(unlabeled, bs * cfg["mu"], shuffle=True, drop_last=True, num_workers=nw))
    val_loader = DataLoader(val, 512, num_workers=nw)
    test_loader = DataLoader(test, 512, num_workers=nw)

    model = SmallConvNet().to(device)
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=cfg["momentum"],
                          weight_decay=cfg["weight_decay"], nesterov=True)
    total_steps = cfg["epochs"] * cfg["steps_per_epoch"]
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: max(0.0, np.cos(7 * np.pi * s / (16 * total_steps))))

    best_val = 0.0
    Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(cfg["epochs"]):
        model.train()
        for _ in range(cfg["steps_per_epoch"]):
            x_l, y_l = next(lab_iter)
            (x_w, x_s), _ = next(unl_iter)
            x_l, y_l, x_w, x_s = x_l.to(device), y_l.to(device), x_w.to(device), x_s.to(device)

            logits = model(torch.cat([x_l, x_w, x_s]))
            logits_l = logits[: len(x_l)]
            logits_w, logits_s = logits[len(x_l):].chunk(2)

            probs = torch.softmax(logits_w.detach(), dim=1)
            conf, pseudo = probs.max(dim=1)
            mask = (conf >= cfg["threshold"]).float()

            loss_x = F.cross_entropy(logits_l, y_l)
            loss_u = (F.cross_entropy(logits_s, pseudo, reduction="none") * mask).mean()
            loss = loss_x + cfg["lambda_u"] * loss_u

            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()

        val_acc = evaluate(model, val_loader, device)
        print(f"epoch {epoch:3d}  loss_x={loss_x.item():.3f}  loss_u={loss_u.item():.3f}  "
              f"mask={mask.mean().item():.2f}  val_acc={val_acc:.4f}")
        if val_acc > best_val:
            best_val = val_acc
            torch.save(model.state_dict(), cfg["checkpoint"])

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    print(f"best val {best_val:.4f}  test {evaluate(model, test_loader, device):.4f}")


if __name__ == "__main__":
    main()
