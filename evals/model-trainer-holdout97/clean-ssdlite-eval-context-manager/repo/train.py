"""SSDlite320 shipping-label / barcode detector for the handheld scanner app."""
import argparse
import json
from pathlib import Path

import torch
from torchmetrics.detection import MeanAveragePrecision
from torchvision.models import MobileNet_V3_Large_Weights
from torchvision.models.detection import ssdlite320_mobilenet_v3_large

from labeldet.data import coco_loader
from labeldet.utils import EarlyStopper, evaluating, seed_everything

CLASSES = ["__background__", "shipping_label", "barcode_1d", "qr_code", "address_block"]


def build_model():
    return ssdlite320_mobilenet_v3_large(weights=None, weights_backbone=MobileNet_V3_Large_Weights.IMAGENET1K_V1,
                                         num_classes=len(CLASSES))


def detection_metrics(model, loader, device):
    metric = MeanAveragePrecision(class_metrics=True)
    with evaluating(model), torch.inference_mode():
        for images, targets in loader:
            preds = model([img.to(device) for img in images])
            metric.update([{k: v.cpu() for k, v in p.items()} for p in preds], list(targets))
    r = metric.compute()
    per_class = {CLASSES[int(c)]: float(ap) for c, ap in zip(r["classes"], r["map_per_class"])}
    return {"map": float(r["map"]), "map_50": float(r["map_50"]), "mar_100": float(r["mar_100"]),
            "per_class": per_class}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/labels_coco")
    ap.add_argument("--epochs", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=0.05)
    ap.add_argument("--patience", type=int, default=15)
    ap.add_argument("--seed", type=int, default=99)
    ap.add_argument("--baseline-ckpt", default="models/ssdlite_labels_v1.pt")
    ap.add_argument("--out", default="checkpoints/ssdlite_labels_v2")
    args = ap.parse_args()

    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    train_dl = coco_loader(args.root, "train", args.batch_size, train=True)
    val_dl = coco_loader(args.root, "val", args.batch_size, train=False)
    test_dl = coco_loader(args.root, "test", args.batch_size, train=False)

    model = build_model().to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=4e-5)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)
    stopper = EarlyStopper(args.patience)

    for epoch in range(args.epochs):
        model.train()
        running = 0.0
        for images, targets in train_dl:
            images = [img.to(device) for img in images]
            targets = [{k: v.to(device) for k, v in t.items()} for t in targets]
            loss_dict = model(images, targets)
            loss = loss_dict["bbox_regression"] + loss_dict["classification"]
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            running += loss.item()
        scheduler.step()

        val = detection_metrics(model, val_dl, device)
        print(f"epoch {epoch:03d} loss {running / len(train_dl):.4f} val mAP {val['map']:.4f} "
              f"mAP50 {val['map_50']:.4f}")
        if stopper.step(val["map"]):
            torch.save(model.state_dict(), out / "best.pt")
        if stopper.should_stop:
            print(f"stopping at epoch {epoch}, best val mAP {stopper.best:.4f}")
            break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    baseline = build_model().to(device)
    baseline.load_state_dict(torch.load(args.baseline_ckpt, map_location=device))
    report = {
        "candidate": {"val": detection_metrics(model, val_dl, device), "test": detection_metrics(model, test_dl, device)},
        "baseline_v1": {"val": detection_metrics(baseline, val_dl, device),
                        "test": detection_metrics(baseline, test_dl, device)},
    }
    json.dump(report, open(out / "report.json", "w"), indent=2)
    print(json.dumps({k: {s: v[s]["map"] for s in v} for k, v in report.items()}, indent=2))


if __name__ == "__main__":
    main()
