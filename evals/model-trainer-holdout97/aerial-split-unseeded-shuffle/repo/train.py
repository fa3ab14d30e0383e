import argparse
import random
from functools import partial
from pathlib import Path

import numpy as np
import torch
import torchvision
import yaml
from torchmetrics.detection import MeanAveragePrecision
from torchvision.models.detection import retinanet_resnet50_fpn_v2, RetinaNet_ResNet50_FPN_V2_Weights
from torchvision.models.detection.retinanet import RetinaNetClassificationHead
from torchvision.transforms import v2 as T


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def load_split(cfg, split, train):
    tfs = [T.ToImage(), T.RandomHorizontalFlip(), T.RandomVerticalFlip()] if train else [T.ToImage()]
    tfs.append(T.ToDtype(torch.float32, scale=True))
    ds = torchvision.datasets.CocoDetection(f"{cfg['data']['root']}/images",
                                           f"{cfg['data']['splits_dir']}/{split}.json",
                                           transforms=T.Compose(tfs))
    return torchvision.datasets.wrap_dataset_for_transforms_v2(ds, target_keys=("boxes", "labels"))


def build_model(cfg):
    m = cfg["model"]
    model = retinanet_resnet50_fpn_v2(weights=RetinaNet_ResNet50_FPN_V2_Weights.DEFAULT,
                                      min_size=m["min_size"], max_size=m["max_size"],
                                      score_thresh=m["score_thresh"])
    num_anchors = model.head.classification_head.num_anchors
    model.head.classification_head = RetinaNetClassificationHead(256, num_anchors, m["num_classes"],
                                                                 norm_layer=partial(torch.nn.GroupNorm, 32))
    return model


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    metric = MeanAveragePrecision()
    for images, targets in loader:
        preds = model([i.to(device) for i in images])
        metric.update([{k: v.cpu() for k, v in p.items()} for p in preds], list(targets))
    r = metric.compute()
    return {"map": float(r["map"]), "map_50": float(r["map_50"]), "mar_100": float(r["mar_100"])}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/retinanet_solar.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tc = cfg["train"]

    collate = lambda b: tuple(zip(*b))
    train_dl = torch.utils.data.DataLoader(load_split(cfg, "train", True), batch_size=tc["batch_size"],
                                           shuffle=True, num_workers=4, collate_fn=collate)
    val_dl = torch.utils.data.DataLoader(load_split(cfg, "val", False), batch_size=tc["batch_size"],
                                         num_workers=4, collate_fn=collate)
    test_dl = torch.utils.data.DataLoader(load_split(cfg, "test", False), batch_size=tc["batch_size"],
                                          num_workers=4, collate_fn=collate)

    model = build_model(cfg).to(device)
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=tc["lr"] / 10,
                                  weight_decay=0.05)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[24, 32], gamma=0.1)

    out = Path(tc["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    best, stale = -1.0, 0
    for epoch in range(tc["epochs"]):
        model.train()
        for images, targets in train_dl:
            images = [i.to(device) for i in images]
            targets = [{k: v.to(device) for k, v in t.items()} for t in targets]
            loss = sum(model(images, targets).values())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()
        val = evaluate(model, val_dl, device)
        print(epoch, val)
        if val["map"] > best:
            best, stale = val["map"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            stale += 1
            if stale >= tc["patience"]:
                break

    model.load_state_dict(torch.load(out / "best.pt"))
    print("test", evaluate(model, test_dl, device))


if __name__ == "__main__":
    main()
