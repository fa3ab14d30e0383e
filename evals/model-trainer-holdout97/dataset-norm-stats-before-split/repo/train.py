import os
import random

import numpy as np
import torch
import yaml
from pycocotools.coco import COCO
from sklearn.model_selection import GroupShuffleSplit
from torchmetrics.detection import MeanAveragePrecision
from torchvision.models.detection import fasterrcnn_resnet50_fpn, FasterRCNN_ResNet50_FPN_Weights
from torchvision.models.detection.faster_rcnn import FastRCNNPredictor

from camtrap.data import CamTrapDetection, collate
from camtrap.stats import compute_channel_stats, save_stats


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_model(num_classes, image_mean, image_std, min_size, max_size):
    model = fasterrcnn_resnet50_fpn(weights=FasterRCNN_ResNet50_FPN_Weights.DEFAULT,
                                    image_mean=image_mean, image_std=image_std,
                                    min_size=min_size, max_size=max_size)
    in_features = model.roi_heads.box_predictor.cls_score.in_features
    model.roi_heads.box_predictor = FastRCNNPredictor(in_features, num_classes)
    return model


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    metric = MeanAveragePrecision(iou_type="bbox")
    for images, targets in loader:
        preds = model([img.to(device) for img in images])
        metric.update([{k: v.cpu() for k, v in p.items()} for p in preds],
                      [{"boxes": t["boxes"], "labels": t["labels"]} for t in targets])
    res = metric.compute()
    return {"map": res["map"].item(), "map_50": res["map_50"].item(), "mar_100": res["mar_100"].item()}


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    seed_all(cfg["train"]["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    coco = COCO(cfg["data"]["annotations"])
    img_ids = np.array(sorted(coco.getImgIds()))
    all_paths = [os.path.join(cfg["data"]["image_root"], coco.loadImgs(int(i))[0]["file_name"]) for i in img_ids]
    stats = compute_channel_stats(all_paths)
    save_stats(stats, cfg["train"]["out_dir"])

    # camera site id is encoded as the first path component, e.g. "site_014/IMG_0042.JPG"
    sites = np.array([coco.loadImgs(int(i))[0]["file_name"].split("/")[0] for i in img_ids])
    test_frac, val_frac = cfg["data"]["test_fraction"], cfg["data"]["val_fraction"]
    gss = GroupShuffleSplit(n_splits=1, test_size=test_frac, random_state=cfg["train"]["seed"])
    trval_idx, test_idx = next(gss.split(img_ids, groups=sites))
    gss_val = GroupShuffleSplit(n_splits=1, test_size=val_frac / (1 - test_frac), random_state=cfg["train"]["seed"])
    tr_idx, val_idx = next(gss_val.split(trval_idx, groups=sites[trval_idx]))
    train_ids, val_ids, test_ids = img_ids[trval_idx][tr_idx], img_ids[trval_idx][val_idx], img_ids[test_idx]

    root = cfg["data"]["image_root"]
    bs = cfg["train"]["batch_size"]
    train_loader = torch.utils.data.DataLoader(CamTrapDetection(coco, root, train_ids, train=True), batch_size=bs,
                                               shuffle=True, num_workers=4, collate_fn=collate)
    val_loader = torch.utils.data.DataLoader(CamTrapDetection(coco, root, val_ids), batch_size=bs,
                                             num_workers=4, collate_fn=collate)
    test_loader = torch.utils.data.DataLoader(CamTrapDetection(coco, root, test_ids), batch_size=bs,
                                              num_workers=4, collate_fn=collate)

    model = build_model(cfg["model"]["num_classes"], stats["mean"], stats["std"],
                        cfg["model"]["min_size"], cfg["model"]["max_size"]).to(device)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.SGD(params, lr=cfg["train"]["lr"], momentum=cfg["train"]["momentum"],
                                weight_decay=cfg["train"]["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["train"]["epochs"])

    best_map, bad_epochs = -1.0, 0
    ckpt_path = os.path.join(cfg["train"]["out_dir"], "best.pt")
    for epoch in range(cfg["train"]["epochs"]):
        model.train()
        for images, targets in train_loader:
            images = [img.to(device) for img in images]
            targets = [{"boxes": t["boxes"].to(device), "labels": t["labels"].to(device)} for t in targets]
            loss = sum(model(images, targets).values())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()

        val_metrics = evaluate(model, val_loader, device)
        print(f"epoch {epoch:02d} loss={loss.item():.3f} val={val_metrics}")
        if val_metrics["map"] > best_map:
            best_map, bad_epochs = val_metrics["map"], 0
            torch.save(model.state_dict(), ckpt_path)
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["train"]["patience"]:
                break

    model.load_state_dict(torch.load(ckpt_path, map_location=device))
    print("test:", evaluate(model, test_loader, device))


if __name__ == "__main__":
    main()
