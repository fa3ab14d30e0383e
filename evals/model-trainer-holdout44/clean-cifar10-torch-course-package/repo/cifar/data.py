from torch.utils.data import DataLoader, Subset
from torchvision import datasets, transforms
import torch

MEAN, STD = (0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616)


def make_loaders(cfg, generator):
    train_tf = transforms.Compose([transforms.RandomCrop(32, padding=4), transforms.RandomHorizontalFlip(),
                                   transforms.ToTensor(), transforms.Normalize(MEAN, STD)])
    eval_tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize(MEAN, STD)])

    train_aug = datasets.CIFAR10(cfg["root"], train=True, download=True, transform=train_tf)
    train_plain = datasets.CIFAR10(cfg["root"], train=True, download=False, transform=eval_tf)
    test_set = datasets.CIFAR10(cfg["root"], train=False, download=True, transform=eval_tf)

    perm = torch.randperm(len(train_aug), generator=generator).tolist()
    val_idx, train_idx = perm[:cfg["val_size"]], perm[cfg["val_size"]:]

    kw = dict(batch_size=cfg["batch_size"], num_workers=cfg["num_workers"])
    return (DataLoader(Subset(train_aug, train_idx), shuffle=True, generator=generator, **kw),
            DataLoader(Subset(train_plain, val_idx), shuffle=False, **kw),
            DataLoader(test_set, shuffle=False, **kw))
