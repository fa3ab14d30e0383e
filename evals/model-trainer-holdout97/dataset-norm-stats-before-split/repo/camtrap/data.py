import os

import torch
from PIL import Image
from pycocotools.coco import COCO
from torchvision.transforms import v2 as T
from torchvision import tv_tensors


class CamTrapDetection(torch.utils.data.Dataset):
    def __init__(self, coco: COCO, image_root, image_ids, train=False):
        self.coco = coco
        self.image_root = image_root
        self.image_ids = list(image_ids)
        aug = [T.RandomHorizontalFlip(0.5), T.RandomPhotometricDistort(p=0.3)] if train else []
        self.transforms = T.Compose([*aug, T.ToDtype(torch.float32, scale=True)])

    def __len__(self):
        return len(self.image_ids)

    def __getitem__(self, idx):
        img_id = self.image_ids[idx]
        info = self.coco.loadImgs(img_id)[0]
        img = Image.open(os.path.join(self.image_root, info["file_name"])).convert("RGB")
        anns = self.coco.loadAnns(self.coco.getAnnIds(imgIds=img_id, iscrowd=False))
        boxes = [[a["bbox"][0], a["bbox"][1], a["bbox"][0] + a["bbox"][2], a["bbox"][1] + a["bbox"][3]]
                 for a in anns]
        target = {
            "boxes": tv_tensors.BoundingBoxes(torch.tensor(boxes, dtype=torch.float32).reshape(-1, 4),
                                              format="XYXY", canvas_size=(info["height"], info["width"])),
            "labels": torch.tensor([a["category_id"] for a in anns], dtype=torch.int64),
            "image_id": img_id,
        }
        img = tv_tensors.Image(T.functional.pil_to_tensor(img))
        return self.transforms(img, target)


def collate(batch):
    return tuple(zip(*batch))
