import os

import albumentations as A
import cv2
import pandas as pd
import segmentation_models_pytorch as smp
import torch
import wandb
import yaml
from albumentations.pytorch import ToTensorV2
from torch.utils.data import DataLoader, Dataset

from utils import dice_iou, seed_everything, seed_worker


class PorosityDataset(Dataset):
    def __init__(self, frame, tf):
        self.frame, self.tf = frame.reset_index(drop=True), tf
    def __len__(self):
        return len(self.frame)
    def __getitem__(self, i):
        r = self.frame.iloc[i]
        img = cv2.cvtColor(cv2.imread(r["image"]), cv2.COLOR_BGR2RGB)
        mask = (cv2.imread(r["mask"], cv2.IMREAD_GRAYSCALE) > 127).astype("float32")
        out = self.tf(image=img, mask=mask)
        return out["image"], out["mask"][None]


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    dices, ious = [], []
    for x, m in loader:
        d, j = dice_iou(model(x.to(device)), m.to(device))
        dices.append(d.cpu()); ious.append(j.cpu())
    return torch.cat(dices).mean().item(), torch.cat(ious).mean().item()


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    if not os.environ.get("WANDB_API_KEY"):
        os.environ["WANDB_MODE"] = "offline"
    run = wandb.init(project=cfg["logging"]["wandb_project"], entity=cfg["logging"]["wandb_entity"], config=cfg)

    s = cfg["data"]["image_size"]
    norm = A.Normalize(mean=(0.485, 0.456, 0.406), std=(0.229, 0.224, 0.225))
    train_tf = A.Compose([A.RandomResizedCrop(s, s, scale=(0.6, 1.0)), A.HorizontalFlip(), A.VerticalFlip(),
                          A.RandomBrightnessContrast(p=0.5), norm, ToTensorV2()])
    eval_tf = A.Compose([A.Resize(s, s), norm, ToTensorV2()])

    idx = pd.read_csv(cfg["data"]["index_csv"])          # split assigned per casting_id upstream
    t = cfg["train"]
    train_dl = DataLoader(PorosityDataset(idx[idx.split == "train"], train_tf), batch_size=t["batch_size"],
                          shuffle=True, num_workers=t["num_workers"], worker_init_fn=seed_worker, drop_last=True)
    val_dl = DataLoader(PorosityDataset(idx[idx.split == "val"], eval_tf), batch_size=t["batch_size"],
                        num_workers=t["num_workers"])
    test_dl = DataLoader(PorosityDataset(idx[idx.split == "test"], eval_tf), batch_size=t["batch_size"],
                         num_workers=t["num_workers"])

    model = smp.Unet(cfg["model"]["encoder"], encoder_weights=cfg["model"]["encoder_weights"], classes=1).to(device)
    loss_fn = smp.losses.DiceLoss("binary", from_logits=True)
    bce = torch.nn.BCEWithLogitsLoss()
    opt = torch.optim.AdamW(model.parameters(), lr=t["lr"])
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=t["epochs"])

    best = 0.0
    for epoch in range(t["epochs"]):
        model.train()
        for x, m in train_dl:
            x, m = x.to(device), m.to(device)
            opt.zero_grad()
            logits = model(x)
            loss = loss_fn(logits, m) + bce(logits, m)
            loss.backward()
            opt.step()
        sched.step()
        val_dice, val_iou = evaluate(model, val_dl, device)
        wandb.log({"epoch": epoch, "train_loss": loss.item(), "val_dice": val_dice, "val_iou": val_iou})
        if val_dice > best:
            best = val_dice
            torch.save(model.state_dict(), "unet_porosity.pt")

    model.load_state_dict(torch.load("unet_porosity.pt", map_location=device))
    test_dice, test_iou = evaluate(model, test_dl, device)
    print(f"test dice {test_dice:.4f}  IoU {test_iou:.4f}")
    run.summary.update({"test_dice": test_dice, "test_iou": test_iou})
    run.finish()


if __name__ == "__main__":
    main()
