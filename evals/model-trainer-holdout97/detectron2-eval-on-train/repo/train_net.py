"""Mask R-CNN fine-tuning for the bin-picking parts dataset (detectron2)."""
import argparse
import os

from detectron2 import model_zoo
from detectron2.checkpoint import DetectionCheckpointer
from detectron2.config import get_cfg
from detectron2.data.datasets import register_coco_instances
from detectron2.engine import DefaultTrainer, default_setup, hooks, launch
from detectron2.evaluation import COCOEvaluator, verify_results

DATA_ROOT = os.environ.get("PARTS_DATA", "/data/bin_picking_parts")
SPLITS = {
    "parts_train": ("annotations/instances_train.json", "images/train"),
    "parts_val": ("annotations/instances_val.json", "images/val"),
}


def register_parts():
    for name, (ann, img_dir) in SPLITS.items():
        register_coco_instances(name, {}, os.path.join(DATA_ROOT, ann), os.path.join(DATA_ROOT, img_dir))


class PartsTrainer(DefaultTrainer):
    @classmethod
    def build_evaluator(cls, cfg, dataset_name, output_folder=None):
        output_folder = output_folder or os.path.join(cfg.OUTPUT_DIR, "inference", dataset_name)
        return COCOEvaluator(dataset_name, tasks=("bbox", "segm"), distributed=True, output_dir=output_folder)

    def build_hooks(self):
        hook_list = super().build_hooks()
        hook_list.append(
            hooks.BestCheckpointer(self.cfg.TEST.EVAL_PERIOD, self.checkpointer, "segm/AP", mode="max")
        )
        return hook_list


def setup(args):
    cfg = get_cfg()
    cfg.merge_from_file(model_zoo.get_config_file("COCO-InstanceSegmentation/mask_rcnn_R_50_FPN_3x.yaml"))
    cfg.merge_from_file(args.config_file)
    cfg.merge_from_list(args.opts)
    cfg.freeze()
    default_setup(cfg, args)
    return cfg


def main(args):
    register_parts()
    cfg = setup(args)

    if args.eval_only:
        model = PartsTrainer.build_model(cfg)
        DetectionCheckpointer(model, save_dir=cfg.OUTPUT_DIR).resume_or_load(cfg.MODEL.WEIGHTS, resume=False)
        res = PartsTrainer.test(cfg, model)
        verify_results(cfg, res)
        return res

    trainer = PartsTrainer(cfg)
    trainer.resume_or_load(resume=args.resume)
    trainer.train()

    DetectionCheckpointer(trainer.model).load(os.path.join(cfg.OUTPUT_DIR, "model_best.pth"))
    return PartsTrainer.test(cfg, trainer.model)


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--config-file", default="configs/parts_mask_rcnn.yaml")
    p.add_argument("--eval-only", action="store_true")
    p.add_argument("--resume", action="store_true")
    p.add_argument("--num-gpus", type=int, default=1)
    p.add_argument("opts", nargs=argparse.REMAINDER, default=[])
    return p.parse_args()


if __name__ == "__main__":
    args = parse_args()
    launch(main, args.num_gpus, args=(args,))
