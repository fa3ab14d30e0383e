import json
import random
import sys
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision.models.segmentation import DeepLabV3_MobileNet_V3_Large_Weights, deeplabv3_mobilenet_v3_large
from torchvision.transforms import v2 as T
from torchvision import tv_tensors

from engine import evaluate, train_one_epoch

CLASSES = ["Sky", "Building", "Pole", "Road", "Sidewalk", "Tree", "SignSymbol",
           "Fence", "Car", "Pedestrian", "Bicyclist"]


class CamVid(Dataset):
    """SegNet-style CamVid: <split>/ images and <split>annot/ label maps (11 = void)."""

    def __init__(self, root, split, transforms):
        self.images = sorted((Path(root) / split).glob("*.png"))
        self.labels = [Path(root) / f"{split}annot" / p.name for p in self.images]
        self.transforms = transforms

    def __len__(self):
        return len(self.images)

    def __getitem__(self, i):
        img = tv_tensors.Image(Image.open(self.images[i]).convert("RGB"))
        mask = tv_tensors.Mask(torch.from_numpy(np.array(Image.open(self.labels[i]), dtype=np.int64)))
        img, mask = self.transforms(img, mask)
        return img, mask.squeeze(0).long()


def main(cfg_path="config.json"):
    cfg = json.loads(Path(cfg_path).read_text())
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    norm = [T.ToDtype(torch.float32, scale=True), T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])]
    train_tf = T.Compose([T.RandomResizedCrop(cfg["crop_size"], scale=(0.5, 2.0), antialias=True),
                          T.RandomHorizontalFlip(), T.ColorJitter(0.2, 0.2, 0.2), *norm])
    eval_tf = T.Compose(norm)

    train_dl = DataLoader(CamVid(cfg["data_root"], "train", train_tf), batch_size=cfg["batch_size"],
                          shuffle=True, num_workers=4, drop_last=True)
    val_dl = DataLoader(CamVid(cfg["data_root"], "val", eval_tf), batch_size=4, num_workers=4)
    test_dl = DataLoader(CamVid(cfg["data_root"], "test", eval_tf), batch_size=4, num_workers=4)

    model = deeplabv3_mobilenet_v3_large(weights=DeepLabV3_MobileNet_V3_Large_Weights.COCO_WITH_VOC_LABELS_V1)
    model.classifier[4] = torch.nn.Conv2d(256, cfg["num_classes"], 1)
    model.aux_classifier[4] = torch.nn.Conv2d(10, cfg["num_classes"], 1)
    model.to(device)

    optimizer = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=cfg["momentum"],
                                weight_decay=cfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda e: (1 - e / cfg["epochs"]) ** 0.9)
    scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")

    best = 0.0
    Path(cfg["output"]).parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(cfg["epochs"]):
        loss = train_one_epoch(model, train_dl, optimizer, scaler, device, cfg["ignore_index"])
        scheduler.step()
        acc, iou = evaluate(model, val_dl, device, cfg["num_classes"])
        print(f"[{epoch:03d}] loss {loss:.4f}  val pixel acc {acc:.4f}  val mIoU {iou.mean():.4f}")
        if iou.mean() > best:
            best = iou.mean().item()
            torch.save(model.state_dict(), cfg["output"])

    model.load_state_dict(torch.load(cfg["output"], map_location=device))
    acc, iou = evaluate(model, test_dl, device, cfg["num_classes"])
    print(f"test pixel acc {acc:.4f}  test mIoU {iou.mean():.4f}")
    for name, v in zip(CLASSES, iou.tolist()):
        print(f"  {name:<11s} {v:.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
