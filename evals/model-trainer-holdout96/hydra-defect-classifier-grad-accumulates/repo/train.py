import logging
import random
from pathlib import Path

import hydra
import numpy as np
import torch
import wandb
from omegaconf import DictConfig, OmegaConf
from sklearn.metrics import accuracy_score, f1_score
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, models, transforms

log = logging.getLogger(__name__)


def seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_loaders(cfg: DictConfig):
    norm = transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
    train_tf = transforms.Compose([
        transforms.RandomResizedCrop(cfg.data.image_size, scale=(0.7, 1.0)),
        transforms.RandomHorizontalFlip(),
        transforms.ColorJitter(0.1, 0.1, 0.1),
        transforms.ToTensor(),
        norm,
    ])
    eval_tf = transforms.Compose([
        transforms.Resize(256), transforms.CenterCrop(cfg.data.image_size), transforms.ToTensor(), norm,
    ])
    root = Path(cfg.data.root)
    train_ds = datasets.ImageFolder(root / "train", transform=train_tf)
    val_ds = datasets.ImageFolder(root / "val", transform=eval_tf)
    kw = dict(batch_size=cfg.batch_size, num_workers=cfg.num_workers, pin_memory=True)
    return DataLoader(train_ds, shuffle=True, **kw), DataLoader(val_ds, shuffle=False, **kw), train_ds


def build_model(cfg: DictConfig, n_classes: int) -> nn.Module:
    weights = models.ResNet18_Weights.DEFAULT if cfg.model.pretrained else None
    model = models.resnet18(weights=weights)
    model.fc = nn.Sequential(nn.Dropout(cfg.model.dropout), nn.Linear(model.fc.in_features, n_classes))
    return model


@torch.no_grad()
def validate(model, loader, device):
    model.eval()
    preds, labels = [], []
    for images, y in loader:
        logits = model(images.to(device, non_blocking=True))
        preds.append(logits.argmax(1).cpu())
        labels.append(y)
    preds, labels = torch.cat(preds).numpy(), torch.cat(labels).numpy()
    return accuracy_score(labels, preds), f1_score(labels, preds, average="macro")


@hydra.main(config_path="conf", config_name="config", version_base="1.3")
def main(cfg: DictConfig) -> None:
    seed_all(cfg.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    wandb.login(key="0a58e0c0ac1e8a2e40c86b430df6d035d65e6426")
    run = wandb.init(project=cfg.wandb.project, entity=cfg.wandb.entity,
                     config=OmegaConf.to_container(cfg, resolve=True))

    train_loader, val_loader, train_ds = build_loaders(cfg)
    counts = np.bincount(train_ds.targets, minlength=len(train_ds.classes))
    majority_acc = counts.max() / counts.sum()
    log.info("class counts %s, majority-class accuracy %.3f", counts.tolist(), majority_acc)

    model = build_model(cfg, len(train_ds.classes)).to(device)
    class_w = torch.tensor(counts.sum() / (len(counts) * counts), dtype=torch.float32, device=device)
    criterion = nn.CrossEntropyLoss(weight=class_w)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg.epochs)

    ckpt_dir = Path(cfg.checkpoint_dir)
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    best_f1, stale = -1.0, 0
    for epoch in range(cfg.epochs):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for images, y in train_loader:
            images, y = images.to(device, non_blocking=True), y.to(device, non_blocking=True)
            loss = criterion(model(images), y)
            loss.backward()
            optimizer.step()
            running += loss.item()
        scheduler.step()

        val_acc, val_f1 = validate(model, val_loader, device)
        wandb.log({"epoch": epoch, "train_loss": running / len(train_loader),
                   "val_acc": val_acc, "val_macro_f1": val_f1, "majority_acc": majority_acc})
        log.info("epoch %d loss %.4f val_acc %.4f val_f1 %.4f", epoch, running / len(train_loader), val_acc, val_f1)

        if val_f1 > best_f1:
            best_f1, stale = val_f1, 0
            torch.save({"model": model.state_dict(), "classes": train_ds.classes, "epoch": epoch},
                       ckpt_dir / "best.pt")
        else:
            stale += 1
            if stale >= cfg.patience:
                log.info("early stopping after %d epochs without improvement", stale)
                break

    run.summary["best_val_macro_f1"] = best_f1
    run.finish()


if __name__ == "__main__":
    main()
