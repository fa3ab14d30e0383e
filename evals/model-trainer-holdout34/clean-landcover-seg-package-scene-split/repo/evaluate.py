"""Score the checkpoint selected on validation mIoU on the held-out test scenes (run once)."""
import sys

import numpy as np
import pandas as pd
import segmentation_models_pytorch as smp
import torch
from torch.utils.data import DataLoader

from src.landseg.data import Tiles
from src.landseg.engine import evaluate
from src.landseg.metrics import ConfusionMeter
from src.landseg.utils import load_cfg, read_json, write_json

cfg = load_cfg(sys.argv[1] if len(sys.argv) > 1 else "configs/landcover.yaml")
P = cfg["paths"]
stats = read_json(P["stats_json"])
test = pd.read_csv(P["splits_csv"]).query("split == 'test'")
test_dl = DataLoader(Tiles(test, stats["mean"], stats["std"]), batch_size=16, num_workers=8)

model = getattr(smp, cfg["model"]["arch"])(encoder_name=cfg["model"]["encoder"], encoder_weights=None,
                                           in_channels=len(stats["mean"]), classes=len(cfg["classes"]))
ckpt = torch.load(P["ckpt"], map_location="cpu")
model.load_state_dict(ckpt["state_dict"])
result = evaluate(model.to("cuda"), test_dl, "cuda", cfg["classes"])

# baseline: predict the most frequent training class for every pixel
majority = int(np.argmax(stats["train_class_pixels"]))
meter = ConfusionMeter(len(cfg["classes"]))
for _, y in test_dl:
    meter.update(torch.full_like(y, majority), y)
baseline = meter.summary(cfg["classes"])

print(f"selected epoch {ckpt['epoch']} (val mIoU {ckpt['val']['miou']:.4f})")
print(f"TEST mIoU {result['miou']:.4f} macro-F1 {result['macro_f1']:.4f} pixel-acc {result['pixel_acc']:.4f}")
print(f"majority-class baseline mIoU {baseline['miou']:.4f} pixel-acc {baseline['pixel_acc']:.4f}")
write_json({"test": result, "majority_baseline": baseline, "selected_epoch": ckpt["epoch"]}, "artifacts/test_metrics.json")
