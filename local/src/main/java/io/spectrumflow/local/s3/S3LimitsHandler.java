package io.spectrumflow.local.s3;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.handler.HandlerWrapper;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Sits in front of S3Proxy's handler and answers what S3 answers where S3Proxy does not: a single
 * PutObject or CopyObject above {@link S3Limits#singleRequestMaxBytes()} is {@code 400
 * EntityTooLarge} (S3Proxy checks neither a copy's size nor a limit a test can change), and in
 * fault mode DeleteObjects answers per-key {@code Errors}. Everything else goes to S3Proxy as it
 * came. Requests it answers itself are not checked for a signature.
 */
final class S3LimitsHandler extends HandlerWrapper {

  private final S3Limits limits;
  private final BlobStore blobs;

  S3LimitsHandler(S3Limits limits, BlobStore blobs) {
    this.limits = limits;
    this.blobs = blobs;
  }

  @Override
  public void handle(
      String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String query = request.getQueryString() == null ? "" : request.getQueryString();
    if ("PUT".equals(request.getMethod()) && !hasParameter(query, "uploadId")) {
      long size = singleRequestSize(request);
      if (size > limits.singleRequestMaxBytes()) {
        tooLarge(response, size);
        base.setHandled(true);
        return;
      }
    }
    if ("POST".equals(request.getMethod())
        && hasParameter(query, "delete")
        && limits.deleteFaultOn()) {
      deleteWithFaults(request, response);
      base.setHandled(true);
      return;
    }
    super.handle(target, base, request, response);
  }

  /** The size of the object the request would write: its body, or the copy's source. */
  private long singleRequestSize(HttpServletRequest request) {
    String source = request.getHeader("x-amz-copy-source");
    if (source != null) {
      String path = URLDecoder.decode(source.split("\\?", 2)[0], StandardCharsets.UTF_8);
      path = path.startsWith("/") ? path.substring(1) : path;
      int slash = path.indexOf('/');
      if (slash <= 0) {
        return -1; // S3Proxy answers the malformed header
      }
      BlobMetadata metadata =
          blobs.blobMetadata(path.substring(0, slash), path.substring(slash + 1));
      return metadata == null || metadata.getSize() == null ? -1 : metadata.getSize();
    }
    String decoded = request.getHeader("x-amz-decoded-content-length");
    return decoded != null ? Long.parseLong(decoded) : request.getContentLengthLong();
  }

  private void tooLarge(HttpServletResponse response, long size) throws IOException {
    error(
        response,
        "EntityTooLarge",
        "Your proposed upload exceeds the maximum allowed size",
        "<ProposedSize>"
            + size
            + "</ProposedSize><MaxSizeAllowed>"
            + limits.singleRequestMaxBytes()
            + "</MaxSizeAllowed>");
  }

  private void deleteWithFaults(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String bucket = request.getRequestURI().replaceAll("^/+|/+$", "");
    Document body;
    try (InputStream in = request.getInputStream()) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      body = factory.newDocumentBuilder().parse(in);
    } catch (Exception e) {
      error(response, "MalformedXML", "The XML you provided was not well-formed", "");
      return;
    }
    NodeList objects = body.getElementsByTagName("Object");
    if (objects.getLength() > S3Limits.DELETE_MAX_KEYS) {
      error(response, "MalformedXML", "The XML you provided was not well-formed", "");
      return;
    }
    NodeList quietNodes = body.getElementsByTagName("Quiet");
    boolean quiet =
        quietNodes.getLength() > 0 && "true".equals(quietNodes.item(0).getTextContent().trim());
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < objects.getLength(); i++) {
      String key = ((Element) objects.item(i)).getElementsByTagName("Key").item(0).getTextContent();
      String code = limits.deleteError(key);
      if (code != null) {
        entries.add(
            "<Error><Key>"
                + xml(key)
                + "</Key><Code>"
                + code
                + "</Code><Message>"
                + code
                + " (embedded S3 fault mode)</Message></Error>");
      } else {
        blobs.removeBlob(bucket, key);
        if (!quiet) {
          entries.add("<Deleted><Key>" + xml(key) + "</Key></Deleted>");
        }
      }
    }
    response.setStatus(200);
    response.setContentType("application/xml");
    response.setCharacterEncoding("UTF-8");
    try (PrintWriter out = response.getWriter()) {
      out.print(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
              + "<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
              + String.join("", entries)
              + "</DeleteResult>");
    }
  }

  private static void error(HttpServletResponse response, String code, String message, String more)
      throws IOException {
    response.setStatus(400);
    response.setContentType("application/xml");
    response.setCharacterEncoding("UTF-8");
    try (PrintWriter out = response.getWriter()) {
      out.print(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
              + code
              + "</Code><Message>"
              + message
              + "</Message>"
              + more
              + "<RequestId>"
              + UUID.randomUUID()
              + "</RequestId></Error>");
    }
  }

  private static boolean hasParameter(String query, String name) {
    for (String part : query.split("&")) {
      if (part.equals(name) || part.startsWith(name + "=")) {
        return true;
      }
    }
    return false;
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
