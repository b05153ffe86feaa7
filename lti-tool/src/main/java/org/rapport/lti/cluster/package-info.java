/**
 * What several Rapport nodes sharing one database need beyond it: each node's name, and scheduled
 * work claimed per period in the database so that it runs once however many nodes run.
 */
package org.rapport.lti.cluster;
