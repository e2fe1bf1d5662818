package eval2.dl4j;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.datavec.api.io.labels.ParentPathLabelGenerator;
import org.datavec.api.records.reader.RecordReader;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.FileSplit;
import org.datavec.image.recordreader.ImageRecordReader;
import org.deeplearning4j.datasets.datavec.RecordReaderDataSetIterator;
import org.deeplearning4j.datasets.iterator.impl.Cifar10DataSetIterator;
import org.deeplearning4j.datasets.iterator.impl.IrisDataSetIterator;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultipleEpochsIterator;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.ImagePreProcessingScaler;

/**
 * Training entry points of the vision and tabular jobs. The networks are built by the model registry
 * and handed in; each nested class is one job.
 */
public final class ImagePipelines {

    private ImagePipelines() {
    }

    /** Product-photo classifier on PNGs sorted into one folder per class. */
    public static final class ProductPhotos {
        private final MultiLayerNetwork net;

        public ProductPhotos(MultiLayerNetwork net) {
            this.net = net;
        }

        public void train(File root, int epochs) throws IOException {
            ImageRecordReader reader = new ImageRecordReader(64, 64, 3, new ParentPathLabelGenerator());
            reader.initialize(new FileSplit(root));
            DataSetIterator iter = new RecordReaderDataSetIterator(reader, 32, 1, 12);
            net.fit(iter, epochs); // EXPECT: MissingInputNormalization
        }
    }

    /** Same job, current version. */
    public static final class ProductPhotosScaled {
        private final MultiLayerNetwork net;

        public ProductPhotosScaled(MultiLayerNetwork net) {
            this.net = net;
        }

        public void train(File root, int epochs) throws IOException {
            ImageRecordReader reader = new ImageRecordReader(64, 64, 3, new ParentPathLabelGenerator());
            reader.initialize(new FileSplit(root));
            DataSetIterator iter = new RecordReaderDataSetIterator(reader, 32, 1, 12);
            DataNormalization scaler = new ImagePreProcessingScaler(0, 1);
            scaler.fit(iter);
            iter.setPreProcessor(scaler);
            net.fit(iter, epochs); // SAFE: MissingInputNormalization
        }
    }

    /** CIFAR-10 baseline for the augmentation study. */
    public static final class CifarBaseline {
        public static void train(ComputationGraph graph) {
            graph.fit(new Cifar10DataSetIterator(64), 10); // EXPECT: MissingInputNormalization
        }
    }

    /** Iris smoke test. */
    public static final class IrisSmokeTest {
        public static void train(MultiLayerNetwork net) {
            net.fit(new IrisDataSetIterator(150, 150), 50); // SAFE: MissingInputNormalization
        }
    }

    /** Sensor CSV, several passes through a wrapper iterator. */
    public static final class SensorCsv {
        public static void train(MultiLayerNetwork net, File csv) throws IOException, InterruptedException {
            RecordReader reader = new CSVRecordReader(0, ',');
            reader.initialize(new FileSplit(csv));
            DataSetIterator base = new RecordReaderDataSetIterator(reader, 128, 24, 4);
            MultipleEpochsIterator epochs = new MultipleEpochsIterator(20, base);
            net.fit(epochs); // EXPECT: MissingInputNormalization
        }
    }

    /** Small in-memory set: a list of minibatches standardised in place. */
    public static final class InMemoryTabular {
        public static void train(MultiLayerNetwork net, List<DataSet> minibatches) {
            for (DataSet ds : minibatches) {
                ds.normalizeZeroMeanZeroUnitVariance();
            }
            net.fit(new ListDataSetIterator<>(minibatches, 1), 30); // SAFE: MissingInputNormalization
        }
    }
}
