import copy

from torch.utils.data import DataLoader, random_split
from torchvision import datasets, transforms

MEAN = (0.4914, 0.4822, 0.4465)
STD = (0.2470, 0.2435, 0.2616)

train_tf = transforms.Compose([
    transforms.RandomCrop(32, padding=4, padding_mode="reflect"),
    transforms.RandomHorizontalFlip(),
    transforms.ToTensor(),
    transforms.Normalize(MEAN, STD),
])
eval_tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize(MEAN, STD)])


def get_loaders(cfg):
    full = datasets.CIFAR10(cfg["root"], train=True, download=True, transform=train_tf)
    test = datasets.CIFAR10(cfg["root"], train=False, download=True, transform=eval_tf)

    n_val = cfg["val_size"]
    train_set, val_set = random_split(full, [len(full) - n_val, n_val])
    val_set.dataset = copy.copy(full)
    val_set.dataset.transform = eval_tf

    kw = dict(batch_size=cfg["batch_size"], num_workers=cfg["num_workers"], pin_memory=True)
    return (DataLoader(train_set, shuffle=True, **kw),
            DataLoader(val_set, **kw),
            DataLoader(test, **kw))
