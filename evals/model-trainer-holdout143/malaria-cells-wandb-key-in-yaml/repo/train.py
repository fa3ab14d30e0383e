import argparse
import random

import numpy as np
import torch
import torch.nn as nn
import wandb
import yaml
from sklearn.metrics import f1_score, roc_auc_score
from torch.utils.data import DataLoader
from torchvision import models, transforms

from data import SmearCells, index_images, split_by_slide


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    probs, ys = [], []
    for x, y in loader:
        probs.append(torch.softmax(model(x.to(device)), 1)[:, 1].cpu())
        ys.append(y)
    p, y = torch.cat(probs).numpy(), torch.cat(ys).numpy()
    return {"auc": roc_auc_score(y, p), "f1": f1_score(y, p > 0.5)}


def main(cfg):
    set_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    if cfg["wandb"]["enabled"]:
        wandb.login(key=cfg["wandb"]["api_key"])
        wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                   name=cfg["experiment"], config=cfg)

    df = index_images(cfg["data"]["root"])
    train_df, val_df, test_df = split_by_slide(df, cfg["data"]["val_frac"], cfg["data"]["test_frac"], cfg["seed"])
    size = cfg["data"]["image_size"]
    norm = transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
    train_tf = transforms.Compose([transforms.Resize((size, size)), transforms.RandomHorizontalFlip(),
                                   transforms.RandomVerticalFlip(), transforms.RandomRotation(90),
                                   transforms.ToTensor(), norm])
    eval_tf = transforms.Compose([transforms.Resize((size, size)), transforms.ToTensor(), norm])
    tc = cfg["train"]
    train_dl = DataLoader(SmearCells(train_df, train_tf), batch_size=tc["batch_size"], shuffle=True,
                          num_workers=tc["num_workers"])
    val_dl = DataLoader(SmearCells(val_df, eval_tf), batch_size=256, num_workers=tc["num_workers"])
    test_dl = DataLoader(SmearCells(test_df, eval_tf), batch_size=256, num_workers=tc["num_workers"])

    model = models.efficientnet_b0(weights=models.EfficientNet_B0_Weights.IMAGENET1K_V1)
    model.classifier[1] = nn.Linear(model.classifier[1].in_features, 2)
    model.to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=tc["lr"], epochs=tc["epochs"],
                                                steps_per_epoch=len(train_dl))
    loss_fn = nn.CrossEntropyLoss()

    best_auc = 0.0
    for epoch in range(tc["epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()
            sched.step()
        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch}: val auc {val['auc']:.4f} f1 {val['f1']:.4f}")
        if cfg["wandb"]["enabled"]:
            wandb.log({"epoch": epoch, "train_loss": loss.item(), **{f"val_{k}": v for k, v in val.items()}})
        if val["auc"] > best_auc:
            best_auc = val["auc"]
            torch.save(model.state_dict(), f"{cfg['experiment']}_best.pt")

    model.load_state_dict(torch.load(f"{cfg['experiment']}_best.pt", map_location=device))
    test = evaluate(model, test_dl, device)
    print(f"test auc {test['auc']:.4f} f1 {test['f1']:.4f}  ({test_df['slide'].nunique()} held-out slides)")
    if cfg["wandb"]["enabled"]:
        wandb.summary.update({f"test_{k}": v for k, v in test.items()})
        wandb.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config/default.yaml")
    with open(ap.parse_args().config) as fh:
        main(yaml.safe_load(fh))
