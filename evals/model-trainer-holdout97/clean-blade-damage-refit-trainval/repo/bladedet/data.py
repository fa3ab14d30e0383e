import torch
import torchvision
from torchvision.transforms import v2 as T


def blade_dataset(root, split, train):
    tf = [T.ToImage()]
    if train:
        tf += [T.RandomHorizontalFlip(), T.RandomVerticalFlip(), T.ColorJitter(0.3, 0.3, 0.2)]
    tf += [T.ToDtype(torch.float32, scale=True)]
    ds = torchvision.datasets.CocoDetection(f"{root}/images", f"{root}/annotations/{split}.json",
                                           transforms=T.Compose(tf))
    return torchvision.datasets.wrap_dataset_for_transforms_v2(ds, target_keys=("boxes", "labels"))


def make_loader(ds, train, batch_size=4):
    return torch.utils.data.DataLoader(ds, batch_size=batch_size, shuffle=train, num_workers=4,
                                       collate_fn=lambda b: tuple(zip(*b)))
