import torch
import torchvision
from torchvision import tv_tensors
from torchvision.transforms import v2 as T


def _transforms(train: bool):
    if train:
        return T.Compose([
            T.ToImage(),
            T.RandomPhotometricDistort(p=0.5),
            T.RandomZoomOut(fill={tv_tensors.Image: (123, 117, 104), "others": 0}, side_range=(1.0, 2.0)),
            T.RandomIoUCrop(),
            T.RandomHorizontalFlip(),
            T.SanitizeBoundingBoxes(),
            T.ToDtype(torch.float32, scale=True),
        ])
    return T.Compose([T.ToImage(), T.ToDtype(torch.float32, scale=True)])


def coco_loader(root, split, batch_size, train):
    ds = torchvision.datasets.CocoDetection(f"{root}/images/{split}", f"{root}/annotations/{split}.json",
                                           transforms=_transforms(train))
    ds = torchvision.datasets.wrap_dataset_for_transforms_v2(ds, target_keys=("boxes", "labels"))
    return torch.utils.data.DataLoader(ds, batch_size=batch_size, shuffle=train, num_workers=6,
                                       collate_fn=lambda b: tuple(zip(*b)), drop_last=train)
