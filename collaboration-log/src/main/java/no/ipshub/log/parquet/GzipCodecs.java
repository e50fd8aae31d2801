package no.ipshub.log.parquet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet's GZIP codec on the JDK's {@code java.util.zip}: Parquet's own codec factory loads Hadoop's codec classes,
 * which the hub does not carry. GZIP pages are read by every Parquet reader (R arrow, pandas/pyarrow, DuckDB, Spark).
 */
final class GzipCodecs implements CompressionCodecFactory {

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        require(codecName);
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                ByteArrayOutputStream compressed = new ByteArrayOutputStream();
                try (OutputStream gzip = new GZIPOutputStream(compressed)) {
                    bytes.writeAllTo(gzip);
                }
                return BytesInput.from(compressed.toByteArray());
            }

            @Override
            public CompressionCodecName getCodecName() {
                return CompressionCodecName.GZIP;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        require(codecName);
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                try (InputStream gzip = new GZIPInputStream(bytes.toInputStream())) {
                    return BytesInput.from(gzip.readNBytes(uncompressedSize));
                }
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(decompress(BytesInput.from(in), uncompressedSize).toByteArray());
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }

    private static void require(CompressionCodecName codecName) {
        if (codecName != CompressionCodecName.GZIP) {
            throw new IllegalArgumentException("only GZIP is available without Hadoop, not " + codecName);
        }
    }
}
