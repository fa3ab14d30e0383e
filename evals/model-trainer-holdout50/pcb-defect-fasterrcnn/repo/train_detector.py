"""Fine-tune Faster R-CNN (ResNet-50 FPN v2) on the PCB defect dataset."""
import json
import random
import sys
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader
from torchvision.models.detection import FasterRCNN_ResNet50_FPN_V2_Weights, fasterrcnn_resnet50_fpn_v2
from torchvision.models.detection.faster_rcnn import FastRCNNPredictor

from pcbdet.dataset import VOCDefectDataset, collate, train_transforms
from pcbdet.engine import evaluate_map, train_one_epoch


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_model(num_classes):
    model = fasterrcnn_resnet50_fpn_v2(weights=FasterRCNN_ResNet50_FPN_V2_Weights.COCO_V1)
    in_features = model.roi_heads.box_predictor.cls_score.in_features
    model.roi_heads.box_predictor = FastRCNNPredictor(in_features, num_classes)
    return model


def main(cfg_path="config.json"):
    cfg = json.loads(Path(cfg_path).read_text())
    set_seed(cfg["seed"])
    device = torch.device("cuda")
    out_dir = Path(cfg["out_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    train_ds = VOCDefectDataset(cfg["data_root"], "train", cfg["classes"], transforms=train_transforms())
    test_ds = VOCDefectDataset(cfg["data_root"], "test", cfg["classes"])
    train_loader = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, num_workers=4, collate_fn=collate)
    test_loader = DataLoader(test_ds, batch_size=cfg["batch_size"], num_workers=4, collate_fn=collate)
    print(f"train images: {len(train_ds)}, test images: {len(test_ds)}")

    model = build_model(num_classes=len(cfg["classes"]) + 1).to(device)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.SGD(params, lr=cfg["lr"], momentum=cfg["momentum"], weight_decay=cfg["weight_decay"])
    warmup = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=0.1, total_iters=2)
    cosine = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["epochs"] - 2)
    scheduler = torch.optim.lr_scheduler.SequentialLR(optimizer, [warmup, cosine], milestones=[2])
    scaler = torch.cuda.amp.GradScaler()

    best_map, best_epoch, history = -1.0, -1, []
    for epoch in range(cfg["epochs"]):
        train_loss = train_one_epoch(model, optimizer, train_loader, device, scaler, epoch)
        scheduler.step()
        metrics = evaluate_map(model, test_loader, device)
        test_map, test_map50 = metrics["map"].item(), metrics["map_50"].item()
        history.append({"epoch": epoch, "train_loss": train_loss, "map": test_map, "map_50": test_map50})
        print(f"epoch {epoch}: loss {train_loss:.4f}  mAP {test_map:.4f}  mAP@50 {test_map50:.4f}")
        if test_map > best_map:
            best_map, best_epoch = test_map, epoch
            torch.save(model.state_dict(), out_dir / "best.pt")
        elif epoch - best_epoch >= cfg["patience"]:
            print(f"no improvement for {cfg['patience']} epochs, stopping")
            break

    summary = {"best_epoch": best_epoch, "test_map": best_map,
               "test_map_50": history[best_epoch]["map_50"], "history": history}
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=2))
    print(f"final model: epoch {best_epoch}, test mAP {best_map:.4f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
