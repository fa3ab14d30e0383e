import numpy as np
import torch
from pycocotools import mask as mask_utils
from pycocotools.cocoeval import COCOeval


def train_one_epoch(model, optimizer, loader, device, scaler=None):
    model.train()
    total = 0.0
    for images, targets in loader:
        images = [i.to(device) for i in images]
        targets = [{k: (v.to(device) if torch.is_tensor(v) else v) for k, v in t.items()} for t in targets]
        with torch.autocast("cuda", enabled=scaler is not None):
            loss = sum(model(images, targets).values())
        optimizer.zero_grad(set_to_none=True)
        if scaler is not None:
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
        else:
            loss.backward()
            optimizer.step()
        total += loss.item()
    return total / len(loader)


@torch.inference_mode()
def coco_evaluate(model, loader, coco_gt, device, iou_types=("bbox", "segm")):
    model.eval()
    results = []
    for images, targets in loader:
        outputs = model([i.to(device) for i in images])
        for t, o in zip(targets, outputs):
            masks = (o["masks"][:, 0] > 0.5).cpu().numpy().astype(np.uint8)
            for box, score, label, m in zip(o["boxes"].cpu().tolist(), o["scores"].cpu().tolist(),
                                            o["labels"].cpu().tolist(), masks):
                rle = mask_utils.encode(np.asfortranarray(m))
                rle["counts"] = rle["counts"].decode("ascii")
                results.append({"image_id": t["image_id"], "category_id": label, "score": score,
                                "bbox": [box[0], box[1], box[2] - box[0], box[3] - box[1]], "segmentation": rle})
    stats = {}
    dt = coco_gt.loadRes(results)
    for iou_type in iou_types:
        ev = COCOeval(coco_gt, dt, iou_type)
        ev.evaluate(); ev.accumulate(); ev.summarize()
        stats[f"{iou_type}_AP"], stats[f"{iou_type}_AP50"] = ev.stats[0], ev.stats[1]
    return stats
