"""Vehicle detection in nadir drone stills with RetinaNet (torchvision).

Annotations are a single COCO json (car, van, truck, bus); we carve out validation and test sets here.
"""
import argparse
import json
from functools import partial
from pathlib import Path

import torch
import torchvision.transforms.v2 as T
from torch.utils.data import DataLoader, random_split
from torchmetrics.detection import MeanAveragePrecision
from torchvision import tv_tensors
from torchvision.datasets import CocoDetection, wrap_dataset_for_transforms_v2
from torchvision.models.detection import RetinaNet_ResNet50_FPN_V2_Weights, retinanet_resnet50_fpn_v2
from torchvision.models.detection.retinanet import RetinaNetClassificationHead


def get_args():
    p = argparse.ArgumentParser()
    p.add_argument("--images", default="data/drone_vehicles/images")
    p.add_argument("--ann", default="data/drone_vehicles/annotations.json")
    p.add_argument("--epochs", type=int, default=36)
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--patience", type=int, default=6)
    p.add_argument("--out", default="runs/retinanet")
    return p.parse_args()


class Subset(torch.utils.data.Dataset):
    def __init__(self, base, indices, transform):
        self.base, self.indices, self.transform = base, indices, transform

    def __len__(self):
        return len(self.indices)

    def __getitem__(self, i):
        img, target = self.base[self.indices[i]]
        return self.transform(img, target)


def collate(batch):
    return tuple(zip(*batch))


def build_model(num_classes):
    model = retinanet_resnet50_fpn_v2(weights=RetinaNet_ResNet50_FPN_V2_Weights.COCO_V1, min_size=1024, max_size=1024)
    num_anchors = model.head.classification_head.num_anchors
    model.head.classification_head = RetinaNetClassificationHead(256, num_anchors, num_classes,
                                                                 norm_layer=partial(torch.nn.GroupNorm, 32))
    return model


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    metric = MeanAveragePrecision(iou_type="bbox")
    for images, targets in loader:
        outputs = model([im.to(device) for im in images])
        metric.update([{k: v.cpu() for k, v in o.items()} for o in outputs],
                      [{"boxes": t["boxes"], "labels": t["labels"]} for t in targets])
    res = metric.compute()
    return {k: res[k].item() for k in ("map", "map_50", "map_75", "mar_100")}


def main():
    args = get_args()
    device = torch.device("cuda")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    base = wrap_dataset_for_transforms_v2(CocoDetection(args.images, args.ann), target_keys=["boxes", "labels"])
    n = len(base)
    n_val, n_test = int(0.1 * n), int(0.1 * n)
    train_idx, val_idx, test_idx = random_split(range(n), [n - n_val - n_test, n_val, n_test])

    train_tf = T.Compose([T.RandomHorizontalFlip(), T.RandomVerticalFlip(), T.RandomPhotometricDistort(p=0.5),
                          T.ToDtype(torch.float32, scale=True), T.SanitizeBoundingBoxes()])
    eval_tf = T.Compose([T.ToDtype(torch.float32, scale=True)])
    to_image = T.ToImage()
    train_ds = Subset(base, list(train_idx), T.Compose([to_image, train_tf]))
    val_ds = Subset(base, list(val_idx), T.Compose([to_image, eval_tf]))
    test_ds = Subset(base, list(test_idx), T.Compose([to_image, eval_tf]))
    train_loader = DataLoader(train_ds, batch_size=args.batch_size, shuffle=True, num_workers=8, collate_fn=collate)
    val_loader = DataLoader(val_ds, batch_size=args.batch_size, num_workers=8, collate_fn=collate)
    test_loader = DataLoader(test_ds, batch_size=args.batch_size, num_workers=8, collate_fn=collate)

    model = build_model(num_classes=5).to(device)
    optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=args.lr,
                                momentum=0.9, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[24, 32], gamma=0.1)

    best, stale = -1.0, 0
    for epoch in range(args.epochs):
        model.train()
        for images, targets in train_loader:
            images = [im.to(device) for im in images]
            targets = [{"boxes": t["boxes"].to(device), "labels": t["labels"].to(device)} for t in targets]
            losses = model(images, targets)
            loss = losses["classification"] + losses["bbox_regression"]
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()
        val = evaluate(model, val_loader, device)
        print(f"epoch {epoch}: cls {losses['classification'].item():.3f} "
              f"reg {losses['bbox_regression'].item():.3f} val {val}")
        if val["map"] > best:
            best, stale = val["map"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load(out / "best.pt"))
    test = evaluate(model, test_loader, device)
    (out / "test_metrics.json").write_text(json.dumps(test, indent=2))
    print("test:", test)


if __name__ == "__main__":
    main()
